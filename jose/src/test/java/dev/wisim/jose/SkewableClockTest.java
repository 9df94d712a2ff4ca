package dev.wisim.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SkewableClockTest {

    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    private final SkewableClock clock = new SkewableClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void runsAheadOrBehindBySkewAndBackWhenItIsCleared() {
        assertThat(clock.instant()).isEqualTo(NOW);
        clock.skew(Duration.ofMinutes(10));
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(600));
        assertThat(clock.millis()).isEqualTo(NOW.plusSeconds(600).toEpochMilli());
        assertThat(clock.describe()).containsEntry("skewSeconds", 600L).containsEntry("now", "2026-12-03T06:10:00Z");
        clock.skew(Duration.ofHours(-2));
        assertThat(clock.instant()).isEqualTo(NOW.minusSeconds(7200));
        clock.skew(Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void refusesASkewOfMoreThanADay() {
        assertThatThrownBy(() -> clock.skew(Duration.ofDays(-2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skewSeconds must be between -86400 and 86400");
        assertThat(clock.skew()).isZero();
    }
}
