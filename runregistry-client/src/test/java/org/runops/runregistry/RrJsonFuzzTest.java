package org.runops.runregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.runops.runregistry.internal.RrJson;
import org.runops.runregistry.internal.RrRecords;

/**
 * Any bytes read as Run Registry records, pages, lumisection answers or a golden JSON give a value or a
 * {@link RunRegistryException} — never another exception — with bounded allocation; whatever parses writes back
 * to something that parses to the same value.
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/runregistry/RrJsonFuzzTestInputs/<method>/}.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl runregistry-client test -Dtest='RrJsonFuzzTest#datasets' -Djazzer.max_duration=10m}
 */
class RrJsonFuzzTest {
    private static final long MAX_ALLOCATION = 64L << 20;

    static {
        // class loading and the mapper's one-time setup are not the input's allocation
        RrDatasets.parse("[]".getBytes(StandardCharsets.UTF_8), "warm-up");
        GoldenJson.parse("{}".getBytes(StandardCharsets.UTF_8), "warm-up");
    }

    @FuzzTest(maxDuration = "30s")
    void datasets(byte[] data) {
        bounded(() -> {
            List<RrDataset> d = RrDatasets.parse(data, "fuzz");
            assertThat(RrDatasets.parse(RrDatasets.toJson(d).getBytes(StandardCharsets.UTF_8), "again")).isEqualTo(d);
        });
    }

    @FuzzTest(maxDuration = "30s")
    void runs(byte[] data) {
        bounded(() -> {
            List<RrRun> r = RrRuns.parse(data, "fuzz");
            assertThat(RrRuns.parse(RrRuns.toJson(r).getBytes(StandardCharsets.UTF_8), "again")).isEqualTo(r);
        });
    }

    @FuzzTest(maxDuration = "30s")
    void lumisections(byte[] data) {
        bounded(() -> {
            JsonNode tree = RrJson.tree(data, "fuzz");
            guarded(() -> RrRecords.lumisections(tree, "fuzz"));
            guarded(() -> RrRecords.ranges(tree, "fuzz"));
            guarded(() -> RrRecords.names(tree, "fuzz"));
        });
    }

    @FuzzTest(maxDuration = "30s")
    void golden(byte[] data) {
        bounded(() -> {
            GoldenJson g = GoldenJson.parse(data, "fuzz");
            assertThat(GoldenJson.parse(g.toJson().getBytes(StandardCharsets.UTF_8), "again")).isEqualTo(g);
            assertThat(g.union(g)).isEqualTo(g);
            assertThat(g.subtract(g).isEmpty()).isTrue();
        });
    }

    private static void bounded(Runnable parse) {
        long before = allocatedBytes();
        guarded(parse);
        assertThat(allocatedBytes() - before).isLessThan(MAX_ALLOCATION);
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RunRegistryException expected) {
            // malformed input, named
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
