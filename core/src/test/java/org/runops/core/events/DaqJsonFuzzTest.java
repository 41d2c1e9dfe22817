package org.runops.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Any bytes parsed as a DAQ {@code .jsn} or {@code .jsd} give a value or a {@link JsnFormatException},
 * with bounded allocation and no recursion (deep nesting is refused by the parser's limits).
 *
 * <p>{@code ./mvnw verify} runs the seeds in
 * {@code src/test/resources/org/runops/core/events/DaqJsonFuzzTestInputs/<method>/}. Longer runs:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest='DaqJsonFuzzTest#dataPoint' -Djazzer.max_duration=10m
 * JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest='DaqJsonFuzzTest#definition' -Djazzer.max_duration=10m
 * </pre>
 */
class DaqJsonFuzzTest {
    private static final Path NAME = Path.of("fuzz.jsn");
    private static final long MAX_ALLOCATION = 16L << 20;

    static {
        // Class loading and the parser factory's one-time setup are not the input's allocation.
        DataPointFile.parse(NAME, "{\"data\":[\"1\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).longAt(0, "NEvents");
        JsdDefinition.parse(NAME, "{\"legend\":[{\"name\":\"NEvents\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    void dataPoint(byte[] data) {
        long before = allocatedBytes();
        try {
            DataPointFile point = DataPointFile.parse(NAME, data);
            for (int i = 0; i <= point.data().size(); i++) {
                try {
                    point.longAt(i, "field");
                } catch (JsnFormatException expected) {
                    // N/A, empty, not an integer, negative, missing: all named errors
                }
            }
        } catch (JsnFormatException expected) {
            // malformed input
        }
        assertThat(allocatedBytes() - before).isLessThan(MAX_ALLOCATION);
    }

    @FuzzTest(maxDuration = "60s")
    void definition(byte[] data) {
        long before = allocatedBytes();
        try {
            JsdDefinition.parse(NAME, data).indexOf("NEvents");
        } catch (JsnFormatException expected) {
            // malformed input
        }
        assertThat(allocatedBytes() - before).isLessThan(MAX_ALLOCATION);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
