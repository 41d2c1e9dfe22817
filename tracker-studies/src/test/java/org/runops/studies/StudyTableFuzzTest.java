package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes read as a study table (CSV or JSON) give a table or a {@link StudyException}, with
 * allocation bounded by a multiple of the input; a table read is written back without error.
 *
 * <p>{@code ./mvnw verify} runs the seeds in
 * {@code src/test/resources/org/runops/oms/studies/StudyTableFuzzTestInputs/<method>/}. Longer runs:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl oms-client test -Dtest='StudyTableFuzzTest#csv' -Djazzer.max_duration=10m
 * JAZZER_FUZZ=1 ./mvnw -pl oms-client test -Dtest='StudyTableFuzzTest#json' -Djazzer.max_duration=10m
 * </pre>
 */
class StudyTableFuzzTest {
    static {
        // class loading and the factories' one-time setup are not the input's allocation
        StudyTable.readCsv(new StringReader("a\n1\n"), "warm-up").writeCsv(new StringWriter());
        StudyTable.readJson(new ByteArrayInputStream("[{\"a\": 1}]".getBytes(StandardCharsets.UTF_8)), "warm-up")
                .writeJson(new StringWriter());
    }

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] data) {
        long before = allocatedBytes();
        try {
            StudyTable t = StudyTable.readCsv(new StringReader(new String(data, StandardCharsets.UTF_8)), "fuzz.csv");
            t.writeCsv(new StringWriter());
            t.writeJson(new StringWriter());
        } catch (StudyException expected) {
            // malformed CSV or repeated column names: named errors
        }
        assertThat(allocatedBytes() - before).isLessThan(64L * data.length + (4L << 20));
    }

    @FuzzTest(maxDuration = "60s")
    void json(byte[] data) {
        long before = allocatedBytes();
        try {
            StudyTable t = StudyTable.readJson(new ByteArrayInputStream(data), "fuzz.json");
            t.writeCsv(new StringWriter());
        } catch (StudyException expected) {
            // malformed JSON, nested values, too many field names: named errors
        }
        assertThat(allocatedBytes() - before).isLessThan(64L * data.length + (4L << 20));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
