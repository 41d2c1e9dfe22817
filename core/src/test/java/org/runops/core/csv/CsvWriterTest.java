package org.runops.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
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
        assertThatThrownBy(() -> new CsvWriter(broken, "runs.csv").field("x"))
                .isInstanceOf(RunopsException.class).hasMessage("cannot write runs.csv: disk full");
    }
}
