package org.runops.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.runops.core.RunopsException;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatMustBeQuoted() {
        assertThat(CsvWriter.escape("plain text")).isEqualTo("plain text");
        assertThat(CsvWriter.escape("")).isEqualTo("");
        assertThat(CsvWriter.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.escape("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(CsvWriter.escape("\uFEFFbom")).isEqualTo("\"\uFEFFbom\"");
    }

    @Test
    void typedValuesAreWrittenAsTheSharedTablesWriteThem() {
        StringWriter out = new StringWriter();
        new CsvWriter(out, "t.csv").value("123").value(316201L).value(3.8).value(Double.NaN).value(true).value(null).value(7)
                .endRecord().flush();
        assertThat(out).hasToString("\"123\",316201,3.8,,true,,7\n");
    }

    @Test
    void writesRecordsTheReaderReadsBack() {
        StringWriter out = new StringWriter();
        new CsvWriter(out, "t.csv").field("run").field("note").field("value").field("text").endRecord()
                .number(316201).field("a, \"b\"").number(1.5).quoted("123").endRecord()
                .number(2).field(null).number(Double.NaN).quoted("").endRecord()
                .flush();
        assertThat(out.toString()).isEqualTo("run,note,value,text\n316201,\"a, \"\"b\"\"\",1.5,\"123\"\n2,,,\"\"\n");
        try (CsvReader reader = new CsvReader(new StringReader(out.toString()), "t.csv")) {
            assertThat(reader.header()).containsExactly("run", "note", "value", "text");
            assertThat(reader.next()).isTrue();
            assertThat(reader.field(1)).isEqualTo("a, \"b\"");
            assertThat(reader.quoted(3)).isTrue();
            assertThat(reader.field(3)).isEqualTo("123");
            assertThat(reader.next()).isTrue();
            assertThat(CsvReader.isMissing(reader.field(1))).isTrue();
            assertThat(CsvReader.isMissing(reader.field(2))).isTrue();
            assertThat(reader.quoted(3)).isTrue(); // "" is an empty text, not a missing value
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void numbersAreTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            StringWriter out = new StringWriter();
            new CsvWriter(out, "t.csv").number(1234567.25).number(0.001).number(-3).endRecord();
            assertThat(out.toString()).isEqualTo("1234567.25,0.001,-3\n");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFailedWriteNamesTheTarget() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        // a record is written when it ends (was: each field as it came), so that is where the failure shows
        assertThatThrownBy(() -> new CsvWriter(broken, "runs.csv").field("x").endRecord())
                .isInstanceOf(RunopsException.class).hasMessage("cannot write runs.csv: disk full");
        assertThatThrownBy(() -> new CsvWriter(broken, "runs.csv").field("x").flush())
                .isInstanceOf(RunopsException.class).hasMessage("cannot write runs.csv: disk full");
    }

    @Test
    void numbersAreWrittenAsDoubleToStringAndLongToStringWriteThem() {
        double[] doubles = {0.0, -0.0, 1.0E-5, 0.001, 0.002, 1.0E7, 9999999.0, 1.0E21, Math.PI, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE,
            -1.5E-300, 2.0E-3, 1.0E23, 4.35, 100.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<Long> longs = new ArrayList<>(List.of(0L, 7L, Long.MIN_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE, 1234567890123L));
        for (long p = 1; p <= 1_000_000_000_000_000_000L; p *= 10) { // every digit count, at its edges
            longs.addAll(List.of(p - 1, p, p + 1, -p + 1, -p, -p - 1));
        }
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, "t.csv");
        StringBuilder expected = new StringBuilder();
        for (double d : doubles) {
            csv.number(d).value(d);
            expected.append(Double.toString(d)).append(',').append(Double.toString(d)).append(',');
        }
        for (long l : longs) {
            csv.number(l).value(l).value((int) l);
            expected.append(l).append(',').append(l).append(',').append((int) l).append(',');
        }
        csv.value((short) -3).value((byte) 4).value(1.1f).value(false).value(new BigDecimal("1.50")).value("")
                .value(List.of("a", "b")).endRecord();
        expected.append("-3,4,").append(Double.toString(1.1f)).append(",false,\"1.50\",\"\",\"[a, b]\"\n");
        assertThat(out).hasToString(expected.toString());
    }

    @Test
    void eachRecordIsOneWriteAndAnUnfinishedOneWaitsForFlush() {
        List<String> writes = new ArrayList<>();
        Writer recording = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                writes.add(new String(buf, off, len));
            }

            @Override
            public void flush() {
                writes.add("<flush>");
            }

            @Override
            public void close() {}
        };
        CsvWriter csv = new CsvWriter(recording, "t.csv").field("a").quoted("b\"c").number(1).endRecord().field("x,y").number(2.5);
        assertThat(writes).containsExactly("a,\"b\"\"c\",1\n");
        csv.flush();
        assertThat(writes).containsExactly("a,\"b\"\"c\",1\n", "\"x,y\",2.5", "<flush>");
    }
}
