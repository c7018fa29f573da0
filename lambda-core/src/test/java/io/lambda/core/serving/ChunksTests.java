package io.lambda.core.serving;

import static io.lambda.core.time.Granularity.DAY;
import static io.lambda.core.time.Granularity.HOUR;
import static io.lambda.core.time.Granularity.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lambda.core.time.Granularity;
import org.junit.jupiter.api.Test;

class ChunksTests {

    private static final Instant T = Instant.parse("2026-11-24T10:15:30Z");

    @Test
    void shouldGroupMinutesByHourHoursByDayAndDaysByMonth() {
        assertThat(Chunks.chunkStart(MINUTE, T)).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(Chunks.chunkStart(HOUR, T)).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(Chunks.chunkStart(DAY, T)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void shouldPutAChunkStartInItsOwnChunkAndTheInstantBeforeInThePreviousOne() {
        Instant march = Instant.parse("2028-03-01T00:00:00Z");

        assertThat(Chunks.chunkStart(DAY, march)).isEqualTo(march);
        assertThat(Chunks.chunkStart(DAY, march.minusNanos(1))).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
        assertThat(Chunks.chunkStart(MINUTE, march.minusNanos(1))).isEqualTo(Instant.parse("2028-02-29T23:00:00Z"));
    }

    @Test
    void shouldEndChunksAtTheNextChunkStartIncludingLeapFebruary() {
        assertThat(Chunks.chunkEnd(DAY, Instant.parse("2028-02-01T00:00:00Z"))).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
        assertThat(Chunks.chunkEnd(DAY, Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Chunks.chunkEnd(HOUR, Instant.parse("2026-11-24T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(Chunks.chunkEnd(MINUTE, Instant.parse("2026-11-24T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunks.chunkEnd(HOUR, Instant.parse("2026-11-24T10:00:00Z")))
                .withMessage("2026-11-24T10:00:00Z is not the start of a hour chunk");
    }

    @Test
    void shouldHoldAtMost60MinuteOr24HourOr31DayBucketsPerChunk() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (Granularity granularity : Granularity.values()) {
            int max = 0;
            for (Instant chunk : Chunks.chunksCovering(granularity, from, from.plus(Duration.ofDays(366)))) {
                max = Math.max(max, granularity.bucketStarts(chunk, Chunks.chunkEnd(granularity, chunk)).size());
            }
            assertThat(max).as(granularity.id()).isEqualTo(switch (granularity) {
                case MINUTE -> 60;
                case HOUR -> 24;
                case DAY -> 31;
            });
        }
    }

    @Test
    void shouldCoverA24HourMinuteRangeWith24ChunksOnTheHourAnd25Otherwise() {
        Instant onTheHour = Instant.parse("2026-11-24T10:00:00Z");
        Instant offTheHour = Instant.parse("2026-11-24T10:15:00Z");

        assertThat(Chunks.chunksCovering(MINUTE, onTheHour, onTheHour.plus(Duration.ofHours(24)))).hasSize(24)
                .startsWith(onTheHour).endsWith(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(Chunks.chunksCovering(MINUTE, offTheHour, offTheHour.plus(Duration.ofHours(24)))).hasSize(25)
                .startsWith(onTheHour).endsWith(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void shouldCoverA24HourHourRangeWithOneOrTwoDayChunks() {
        assertThat(Chunks.chunksCovering(HOUR, Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z")))
                .containsExactly(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(Chunks.chunksCovering(HOUR, Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-25T10:00:00Z")))
                .containsExactly(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void shouldCoverAYearOfDaysWithTwelveOrThirteenMonthChunks() {
        assertThat(Chunks.chunksCovering(DAY, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")))
                .hasSize(12);
        assertThat(Chunks.chunksCovering(DAY, Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2027-01-15T00:00:00Z")))
                .hasSize(13);
    }

    @Test
    void shouldCoverNothingForAnEmptyRange() {
        assertThat(Chunks.chunksCovering(MINUTE, T, T)).isEmpty();
        assertThat(Chunks.chunksCovering(DAY, T, T.minusSeconds(1))).isEmpty();
        assertThat(Chunks.slotChunksCovering(T, T)).isEmpty();
    }

    @Test
    void shouldCoverARangeEndingExactlyOnAChunkStartWithoutThatChunk() {
        assertThat(Chunks.chunksCovering(MINUTE, Instant.parse("2026-11-24T10:59:00Z"), Instant.parse("2026-11-24T11:00:00Z")))
                .containsExactly(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void shouldGroupSpeedSlotsByUtcHour() {
        assertThat(Chunks.slotChunkStart(Instant.parse("2026-11-24T10:55:00Z"))).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(Chunks.slotChunksCovering(Instant.parse("2026-11-24T10:55:00Z"), Instant.parse("2026-11-24T12:00:01Z")))
                .containsExactly(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T11:00:00Z"),
                        Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(Chunks.SLOT_CHUNK).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldTellChunkStarts() {
        assertThat(Chunks.isChunkStart(DAY, Instant.parse("2026-11-01T00:00:00Z"))).isTrue();
        assertThat(Chunks.isChunkStart(DAY, Instant.parse("2026-11-02T00:00:00Z"))).isFalse();
        assertThat(Chunks.isChunkStart(MINUTE, Instant.parse("2026-11-24T10:00:00.5Z"))).isFalse();
        assertThat(List.of(Chunks.chunkStart(MINUTE, Instant.parse("1969-12-31T23:30:00Z"))))
                .containsExactly(Instant.parse("1969-12-31T23:00:00Z"));
    }
}
