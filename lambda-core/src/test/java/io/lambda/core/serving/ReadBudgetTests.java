package io.lambda.core.serving;

import static io.lambda.core.time.Granularity.HOUR;
import static io.lambda.core.time.Granularity.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The key counts KEYS.md quotes for the three reference queries, computed from the layout itself: 6 source
 * partitions, batch boundary T one hour before now (the batch interval), 5-minute slots.
 */
class ReadBudgetTests {

    private static final ServingKeys KEYS = new ServingKeys("lambda:");
    private static final int PARTITIONS = 6;
    private static final Instant NOW = Instant.parse("2026-11-24T10:17:00Z");
    private static final Instant BOUNDARY = Instant.parse("2026-11-24T09:15:00Z");
    private static final String RUN = "r1";

    private static List<String> keysToRead(io.lambda.core.time.Granularity granularity, Rollup rollup, Instant from,
            Instant to) {
        List<String> keys = new ArrayList<>();
        for (Instant chunk : Chunks.chunksCovering(granularity, from, to)) {
            keys.add(KEYS.batchRows("pageviews", "v1", RUN, granularity, rollup, chunk));
        }
        for (int partition = 0; partition < PARTITIONS; partition++) {
            for (Instant chunk : Chunks.slotChunksCovering(BOUNDARY, NOW)) {
                keys.add(KEYS.speedPartial("pageviews", "v1", partition, granularity, rollup, chunk));
            }
        }
        return keys;
    }

    @Test
    void shouldReadA24HourMinuteSeriesFrom25BatchAnd12SpeedHashes() {
        List<String> keys = keysToRead(MINUTE, Rollup.none(), NOW.minus(Duration.ofHours(24)), NOW);

        assertThat(keys).hasSize(25 + PARTITIONS * 2).doesNotHaveDuplicates();
    }

    @Test
    void shouldReadAOneDimensionFilteredSeriesFromTheSameNumberOfSingleDimensionRows() {
        Rollup rollup = Rollup.select(List.of("url", "country"), Set.of("url"));
        List<String> keys = keysToRead(MINUTE, rollup, NOW.minus(Duration.ofHours(24)), NOW);

        assertThat(rollup).isEqualTo(Rollup.of("url"));
        assertThat(keys).hasSize(37).allMatch(key -> key.contains(":minute:url:"));
    }

    @Test
    void shouldReadA24HourGroupsQueryFromTwoHourBucketBatchHashes() {
        Instant from = Instant.parse("2026-11-23T10:00:00Z");
        List<String> keys = keysToRead(HOUR, Rollup.of("url"), from, from.plus(Duration.ofHours(24)));

        assertThat(keys).hasSize(2 + PARTITIONS * 2);
    }

    @Test
    void shouldNeedOnlyTheSpeedChunksSinceTheBoundary() {
        assertThat(Chunks.slotChunksCovering(BOUNDARY, NOW)).containsExactly(Instant.parse("2026-11-24T09:00:00Z"),
                Instant.parse("2026-11-24T10:00:00Z"));
    }
}
