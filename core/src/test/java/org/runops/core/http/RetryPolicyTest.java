package org.runops.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void backoffDoublesUpToTheMaximumWithEqualJitter() {
        RetryPolicy p = RetryPolicy.defaults();
        SplittableRandom random = new SplittableRandom(7);
        long[] bases = {500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int retry = 1; retry <= bases.length; retry++) {
            for (int i = 0; i < 50; i++) {
                assertThat(p.backoff(retry, random).toMillis()).isBetween(bases[retry - 1] / 2, bases[retry - 1]);
            }
        }
        assertThat(p.backoff(1000, random)).isLessThanOrEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void defaultsAndNone() {
        assertThat(RetryPolicy.defaults()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(60), Duration.ofMinutes(3)));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(HttpSettings.defaults().retry()).isEqualTo(RetryPolicy.defaults());
        assertThat(HttpSettings.defaults().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterIsCappedAndNeverNegative() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.capRetryAfter(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.capRetryAfter(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.capRetryAfter(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(9), Duration.ofSeconds(8), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> HttpSettings.defaults().withTimeouts(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("connectTimeout");
    }
}
