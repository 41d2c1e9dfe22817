package org.runops.datalogger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any string parsed as a DRF request gives a request that spells it, or an
 * {@link IllegalArgumentException} naming it, never another exception.
 *
 * <p>{@code ./mvnw verify} runs the seeds in {@code src/test/resources/org/runops/datalogger/DrfRequestFuzzTestInputs/parse/}.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl datalogger test -Dtest='DrfRequestFuzzTest#parse' -Djazzer.max_duration=10m}
 */
class DrfRequestFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            DrfRequest r = DrfRequest.parse(text);
            assertThat(r.text()).isEqualTo(text);
            assertThat(DrfRequest.parse(r.toString())).isEqualTo(r);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).contains("\"" + text + "\"");
        }
    }
}
