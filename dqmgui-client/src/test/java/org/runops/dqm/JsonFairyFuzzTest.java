package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Any bytes parsed as a jsonfairy answer give a histogram, "no histogram" or a {@link DqmException} —
 * never another exception — with bounded allocation; a histogram's derived values can be read.
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/dqm/JsonFairyFuzzTestInputs/parse/}
 * (written from the spec; see {@link JsonFairyTest}). A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl dqmgui-client test -Dtest='JsonFairyFuzzTest#parse' -Djazzer.max_duration=10m}
 */
class JsonFairyFuzzTest {
    private static final long MAX_ALLOCATION = 64L << 20;

    static {
        // class loading and the mapper's one-time setup are not the input's allocation
        JsonFairy.parse("{\"hist\": \"unsupported type\"}".getBytes(StandardCharsets.UTF_8), "warm-up");
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        long before = allocatedBytes();
        try {
            Optional<Histogram> h = JsonFairy.parse(data, "fuzz");
            h.ifPresent(JsonFairyFuzzTest::touch);
        } catch (DqmException expected) {
            // malformed input, named
        }
        assertThat(allocatedBytes() - before).isLessThan(MAX_ALLOCATION);
    }

    private static void touch(Histogram h) {
        h.integral();
        h.y();
        h.xAxis().nbins();
        if (h instanceof Histogram2D h2) {
            h2.contentSum();
            h2.outOfRange();
            h2.contentArray();
        } else if (h instanceof Histogram1D h1) {
            h1.content().sum();
        } else if (h instanceof Profile p) {
            p.yMin();
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
