package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.management.ManagementFactory;

/**
 * Any bytes parsed as an OMS page give a page or an {@link OmsException}; every row then types as a
 * run, fill and lumisection or fails with an {@link OmsException} — never another exception — with
 * bounded allocation (nesting is refused past the parser's depth limit).
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/oms/OmsPageFuzzTestInputs/page/}.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl oms-client test -Dtest='OmsPageFuzzTest#page' -Djazzer.max_duration=10m}
 */
class OmsPageFuzzTest {
    private static final long MAX_ALLOCATION = 64L << 20;

    static {
        // Class loading and the parser factory's one-time setup are not the input's allocation.
        OmsPage.parse("{\"data\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "warm-up");
    }

    @FuzzTest(maxDuration = "60s")
    void page(byte[] data) {
        long before = allocatedBytes();
        try {
            OmsPage page = OmsPage.parse(data, "fuzz");
            for (OmsRecord r : page.records()) {
                typed(() -> {
                    OmsRun run = OmsRun.from(r);
                    run.initLumi().ifPresent(q -> q.knownUnit());
                    run.duration();
                    run.components();
                    run.runType();
                    run.fillNumber();
                });
                typed(() -> OmsFill.from(r).bunchesColliding());
                typed(() -> OmsLumisection.from(r).pileup());
            }
        } catch (OmsException expected) {
            // malformed input, named
        }
        assertThat(allocatedBytes() - before).isLessThan(MAX_ALLOCATION);
    }

    private static void typed(Runnable r) {
        try {
            r.run();
        } catch (OmsException expected) {
            // a value of the wrong kind, named
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
