package org.runops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void shortFormsAndIso8601() {
        assertThat(Durations.parse("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse(" 30 m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void anythingElseNamesTheTextAndTheFormsAccepted() {
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'soon'").hasMessageContaining("24h");
        assertThatThrownBy(() -> Durations.parse("5w")).hasMessageContaining("PT1H30M");
    }

    @Test
    void describedForPeople() {
        assertThat(Durations.describe(Duration.ofMillis(300))).isEqualTo("300ms");
        assertThat(Durations.describe(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.describe(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(Durations.describe(Duration.ofMinutes(26 * 60 + 5))).isEqualTo("26h 5m");
        assertThat(Durations.describe(Duration.ofSeconds(-90))).isEqualTo("-1m");
    }
}
