package io.lambda.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventMessagesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PT5M, 5 minutes",
            "PT1M, 1 minute",
            "P365D, 365 days",
            "P1D, 1 day",
            "PT2H, 2 hours",
            "PT90S, 90 seconds",
            "PT1S, 1 second",
            "PT1.5S, 1500 milliseconds",
            "PT0S, 0 seconds",
            "PT2562047788015215H30M7S, 9223372036854775807 seconds"})
    void shouldDescribeDurationsInTheirLargestWholeUnit(String duration, String described) {
        assertThat(EventMessages.describe(Duration.parse(duration))).isEqualTo(described);
    }

    @Test
    void shouldWordTheTimestampWindowFromTheRules() {
        assertThat(EventMessages.timestampInFuture(Duration.ofMinutes(5)))
                .isEqualTo("timestamp is more than 5 minutes in the future");
        assertThat(EventMessages.timestampTooOld(Duration.ofDays(365))).isEqualTo("timestamp is older than 365 days");
    }

    @Test
    void shouldSpellOutTheRulesInTheFormatMessages() {
        assertThat(EventMessages.ID_FORMAT).isEqualTo("id must be 1-128 characters of [A-Za-z0-9._:-]");
        assertThat(EventMessages.TYPE_FORMAT).isEqualTo("type must match [a-z][a-z0-9_.-]{0,63}");
        assertThat(EventMessages.TOO_MANY_ATTRIBUTES).isEqualTo("attributes has more than 64 entries");
        assertThat(EventMessages.attributeKeyInvalid("a b"))
                .isEqualTo("attribute key 'a b' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}");
        assertThat(EventMessages.attributeTooLong("url")).isEqualTo("attribute 'url' is longer than 1024 characters");
    }

    @Test
    void shouldShortenLongNamesInMessages() {
        String name = "n".repeat(65);

        assertThat(EventMessages.unknownField(name)).isEqualTo("unknown field '" + "n".repeat(64) + "...'");
        assertThat(EventMessages.unknownField("n".repeat(64))).isEqualTo("unknown field '" + "n".repeat(64) + "'");
    }

    @Test
    void shouldLeaveOutPositionsTheParserCouldNotTell() {
        assertThat(EventMessages.malformed(3, 7, "x")).isEqualTo("malformed JSON at line 3, column 7: x");
        assertThat(EventMessages.malformed(3, -1, "x")).isEqualTo("malformed JSON at line 3: x");
        assertThat(EventMessages.malformed(-1, -1, "x")).isEqualTo("malformed JSON: x");
    }
}
