package io.lambda.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EventRulesTests {

    @Test
    void shouldDefaultToFiveMinutesAheadAndOneYearBack() {
        assertThat(EventRules.DEFAULTS).isEqualTo(new EventRules(Duration.ofMinutes(5), Duration.ofDays(365)));
    }

    @Test
    void shouldReplaceOnlyTheMaximumAge() {
        assertThat(EventRules.withMaxAge(Duration.ofDays(30)))
                .isEqualTo(new EventRules(Duration.ofMinutes(5), Duration.ofDays(30)));
    }

    @Test
    void shouldAllowNoFutureAtAll() {
        assertThat(new EventRules(Duration.ZERO, Duration.ofDays(1)).maxFuture()).isZero();
    }

    @Test
    void shouldRejectNegativeFutureAndNonPositiveAge() {
        assertThatThrownBy(() -> new EventRules(Duration.ofSeconds(-1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFuture must not be negative: PT-1S");
        assertThatThrownBy(() -> new EventRules(Duration.ofMinutes(5), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAge must be positive: PT0S");
    }

    @Test
    void shouldDefaultBodyLimitsToTenThousandEventsAndTenMebibytes() {
        assertThat(BodyLimits.DEFAULTS).isEqualTo(new BodyLimits(10_000, 10_485_760L));
    }

    @Test
    void shouldRejectNonPositiveBodyLimits() {
        assertThatThrownBy(() -> new BodyLimits(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEvents must be positive: 0");
        assertThatThrownBy(() -> new BodyLimits(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be positive: 0");
    }
}
