package org.runops.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.runops.core.refrun.FeatureCsv;
import org.runops.core.refrun.FeatureTable;

/**
 * Any bytes read as CSV give records or a {@link CsvFormatException} (never another exception), with
 * allocation bounded by a multiple of the input; what the reader returns, {@link CsvWriter} writes back
 * so that it reads the same.
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/core/csv/CsvFuzzTestInputs/}.
 * Longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=CsvFuzzTest -Djazzer.max_duration=10m}
 */
class CsvFuzzTest {
    static {
        // class loading and one-time setup are not the input's allocation
        FeatureCsv.read(new StringReader("run_number,a\n1,2\n"), "warm-up", "run_number", List.of("a"));
    }

    /** The feature table on top of the reader: the recommender's untrusted input. */
    @FuzzTest(maxDuration = "60s")
    void featureTable(byte[] data) {
        long before = allocatedBytes();
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            FeatureTable t = FeatureCsv.read(new StringReader(text), "fuzz.csv", "run_number", List.of("a", "b"));
            assertThat(t.size()).isLessThanOrEqualTo(data.length);
            for (int r = 0; r < t.size(); r++) {
                assertThat(t.rowOf(t.run(r))).isEqualTo(r);
            }
        } catch (CsvFormatException expected) {
            // malformed CSV, missing column, bad number, repeated run: all named errors
        }
        assertThat(allocatedBytes() - before).isLessThan(64L * data.length + (4L << 20));
    }

    /** Reader and writer agree: records written back (quoted fields quoted again) read as the same records. */
    @FuzzTest(maxDuration = "60s")
    void writtenRecordsReadBack(byte[] data) {
        List<List<String>> records;
        List<List<Boolean>> quoted;
        try {
            records = new ArrayList<>();
            quoted = new ArrayList<>();
            read(new String(data, StandardCharsets.UTF_8), records, quoted);
        } catch (CsvFormatException expected) {
            return;
        }
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out, "fuzz output");
        for (int r = 0; r < records.size(); r++) {
            for (int i = 0; i < records.get(r).size(); i++) {
                if (quoted.get(r).get(i)) {
                    writer.quoted(records.get(r).get(i));
                } else {
                    writer.field(records.get(r).get(i));
                }
            }
            writer.endRecord();
        }
        List<List<String>> again = new ArrayList<>();
        List<List<Boolean>> quotedAgain = new ArrayList<>();
        read(out.toString(), again, quotedAgain);
        assertThat(again).isEqualTo(records);
        for (int r = 0; r < records.size(); r++) {
            for (int i = 0; i < records.get(r).size(); i++) {
                // a field quoted on input stays text; an unquoted one may gain quotes, never lose its value
                if (quoted.get(r).get(i)) {
                    assertThat(quotedAgain.get(r).get(i)).isTrue();
                }
            }
        }
    }

    /** Header and records (blank lines are skipped by the reader, so they are not records). */
    private static void read(String text, List<List<String>> records, List<List<Boolean>> quoted) {
        try (CsvReader reader = new CsvReader(new StringReader(text), "fuzz.csv")) {
            int n = reader.header().size();
            records.add(reader.header());
            quoted.add(java.util.Collections.nCopies(n, false));
            while (reader.next()) {
                List<String> fields = new ArrayList<>(n);
                List<Boolean> q = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    fields.add(reader.field(i));
                    q.add(reader.quoted(i));
                }
                records.add(fields);
                quoted.add(q);
            }
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
