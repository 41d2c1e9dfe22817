package org.runops.dqm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes read as a {@code dqmcrawl} runs file give valid targets or a {@link DqmException} naming the
 * source and line, never another exception.
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/dqm/CrawlTargetFuzzTestInputs/parse/}.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl dqmgui-client test -Dtest='CrawlTargetFuzzTest#parse' -Djazzer.max_duration=10m}
 */
class CrawlTargetFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(CrawlTarget.parseDqmcrawl(new StringReader(text), "runs.txt"))
                    .allSatisfy(t -> assertThat(t.run()).isPositive());
        } catch (DqmException expected) {
            assertThat(expected.getMessage()).startsWith("runs.txt line ");
        }
    }
}
