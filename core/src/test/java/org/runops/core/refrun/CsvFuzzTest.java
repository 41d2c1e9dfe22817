package org.runops.core.refrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any bytes read as a CSV feature table give a table or a {@link CsvFormatException} (never another
 * exception), with allocation bounded by a multiple of the input.
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/core/refrun/CsvFuzzTestInputs/featureTable/}.
 * Longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=CsvFuzzTest -Djazzer.max_duration=10m}
 */
class CsvFuzzTest {
    static {
        // class loading and one-time setup are not the input's allocation
        FeatureTable.readCsv(new StringReader("run_number,a\n1,2\n"), "warm-up", "run_number", List.of("a"));
    }

    @FuzzTest(maxDuration = "60s")
    void featureTable(byte[] data) {
        long before = allocatedBytes();
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            FeatureTable t = FeatureTable.readCsv(new StringReader(text), "fuzz.csv", "run_number", List.of("a", "b"));
            assertThat(t.size()).isLessThanOrEqualTo(data.length);
            for (int r = 0; r < t.size(); r++) {
                assertThat(t.rowOf(t.run(r))).isEqualTo(r);
            }
        } catch (CsvFormatException expected) {
            // malformed CSV, missing column, bad number, repeated run: all named errors
        }
        assertThat(allocatedBytes() - before).isLessThan(64L * data.length + (4L << 20));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
