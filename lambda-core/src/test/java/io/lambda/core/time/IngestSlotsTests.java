package io.lambda.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestSlotsTests {

    private final IngestSlots fiveMinutes = IngestSlots.ofDefault();

    @Test
    void shouldDefaultToFiveMinutes() {
        assertThat(fiveMinutes.length()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldCutIngestTimeIntoSlotsAtUtcBoundaries() {
        assertThat(fiveMinutes.slotStart(Instant.parse("2026-11-24T10:17:59.999Z")))
                .isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(fiveMinutes.slotStart(Instant.parse("2026-11-24T10:20:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T10:20:00Z"));
        assertThat(fiveMinutes.slotStart(Instant.parse("2026-11-24T10:19:59.999999999Z")))
                .isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1S", "PT10S", "PT1M", "PT2M", "PT5M", "PT12M", "PT15M", "PT20M", "PT30M", "PT1H"})
    void shouldAcceptLengthsThatDivideAnHour(String length) {
        IngestSlots slots = new IngestSlots(Duration.parse(length));

        assertThat(slots.slotsBetween(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T11:00:00Z")))
                .hasSize((int) (3600 / Duration.parse(length).getSeconds()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT7M", "PT0S", "PT-5M", "PT90M", "PT2H", "PT1.5S", "PT0.5S"})
    void shouldRejectLengthsThatDoNotDivideAnHour(String length) {
        assertThatIllegalArgumentException().isThrownBy(() -> new IngestSlots(Duration.parse(length)))
                .withMessage("slot length must divide an hour evenly (e.g. 1m, 5m, 15m, 60m; whole seconds such as "
                        + "10s for tests), got " + Duration.parse(length));
    }

    @Test
    void shouldFormatMinuteSlotsAsInTheMasterDatasetPaths() {
        Instant slot = Instant.parse("2026-11-24T10:15:00Z");

        assertThat(fiveMinutes.format(slot)).isEqualTo("2026-11-24T10:15Z");
        assertThat(fiveMinutes.parse("2026-11-24T10:15Z")).isEqualTo(slot);
    }

    @Test
    void shouldFormatSubMinuteSlotsWithSeconds() {
        IngestSlots tenSeconds = new IngestSlots(Duration.ofSeconds(10));
        Instant slot = Instant.parse("2026-11-24T10:15:10Z");

        assertThat(tenSeconds.format(slot)).isEqualTo("2026-11-24T10:15:10Z");
        assertThat(tenSeconds.format(Instant.parse("2026-11-24T10:15:00Z"))).isEqualTo("2026-11-24T10:15:00Z");
        assertThat(tenSeconds.parse("2026-11-24T10:15:10Z")).isEqualTo(slot);
    }

    @Test
    void shouldSortSlotTextInTimeOrder() {
        IngestSlots tenSeconds = new IngestSlots(Duration.ofSeconds(10));
        List<String> texts = tenSeconds.slotsBetween(Instant.parse("2026-11-24T09:59:40Z"), Instant.parse("2026-11-24T10:00:30Z"))
                .stream().map(tenSeconds::format).toList();

        assertThat(texts).hasSize(5).isSorted();
    }

    @Test
    void shouldRefuseToFormatAnInstantThatIsNotASlotStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> fiveMinutes.format(Instant.parse("2026-11-24T10:16:00Z")))
                .withMessage("2026-11-24T10:16:00Z is not the start of a PT5M slot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T10:15", "2026-11-24 10:15Z", "2026-02-30T10:15Z", "2026-11-24T10:15:00.000Z", ""})
    void shouldRejectMalformedSlotText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> fiveMinutes.parse(text))
                .withMessage("invalid slot '" + text
                        + "': expected UTC minutes like 2026-11-24T10:15Z or seconds like 2026-11-24T10:15:10Z");
    }

    @Test
    void shouldListSlotsOverlappingARangeIncludingTheOneHoldingTheStart() {
        List<Instant> slots = fiveMinutes.slotsBetween(Instant.parse("2026-11-24T10:07:00Z"), Instant.parse("2026-11-24T10:20:00Z"));

        assertThat(slots).containsExactly(Instant.parse("2026-11-24T10:05:00Z"), Instant.parse("2026-11-24T10:10:00Z"),
                Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(fiveMinutes.slotsBetween(Instant.parse("2026-11-24T10:20:00Z"), Instant.parse("2026-11-24T10:20:00Z")))
                .isEmpty();
        assertThat(fiveMinutes.slotsBetween(Instant.parse("2026-11-24T10:21:00Z"), Instant.parse("2026-11-24T10:21:00Z")))
                .isEmpty();
    }

    @Test
    void shouldStepToTheNextSlotAcrossMidnight() {
        assertThat(fiveMinutes.nextSlot(Instant.parse("2026-12-31T23:55:00Z"))).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(fiveMinutes.isSlotStart(Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
        assertThat(fiveMinutes.isSlotStart(Instant.parse("2027-01-01T00:00:01Z"))).isFalse();
    }
}
