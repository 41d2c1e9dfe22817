package org.runops.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes from a token endpoint give a token or a {@link TokenResponse.Invalid} whose message quotes
 * nothing of the body. {@code ./mvnw verify} runs the seeds in
 * {@code src/test/resources/org/runops/core/http/TokenResponseFuzzTestInputs/parse/}. Longer runs:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest='TokenResponseFuzzTest' -Djazzer.max_duration=10m
 * </pre>
 */
class TokenResponseFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            TokenResponse t = TokenResponse.parse(data);
            assertThat(t.accessToken()).isNotBlank();
            assertThat(t.expiresIn()).isBetween(-1L, 366L * 24 * 3600);
        } catch (TokenResponse.Invalid expected) {
            String body = new String(data, StandardCharsets.UTF_8);
            // the fixed wording, plus at most a sanitised token_type
            assertThat(expected.getMessage()).startsWith("the token endpoint");
            if (body.length() > 40) {
                assertThat(expected.getMessage()).doesNotContain(body);
            }
        }
    }
}
