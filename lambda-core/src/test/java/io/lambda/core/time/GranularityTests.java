package io.lambda.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GranularityTests {

    @Test
    void shouldStartBucketsOnUtcBoundaries() {
        Instant t = Instant.parse("2026-11-24T10:15:30.123Z");

        assertThat(Granularity.MINUTE.bucketStart(t)).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(Granularity.HOUR.bucketStart(t)).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(Granularity.DAY.bucketStart(t)).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void shouldKeepABucketStartInItsOwnBucketAndTheLastNanosecondInThePreviousOne() {
        Instant start = Instant.parse("2026-11-25T00:00:00Z");

        assertThat(Granularity.DAY.bucketStart(start)).isEqualTo(start);
        assertThat(Granularity.DAY.bucketStart(start.minusNanos(1))).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(Granularity.MINUTE.bucketStart(start.minusNanos(1))).isEqualTo(Instant.parse("2026-11-24T23:59:00Z"));
    }

    @Test
    void shouldFloorInstantsBeforeTheEpoch() {
        assertThat(Granularity.HOUR.bucketStart(Instant.parse("1969-12-31T23:59:59.500Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:00:00Z"));
    }

    @Test
    void shouldMakeEveryDayExactly24HoursEvenOnDaylightSavingSwitchDays() {
        // 2026-03-29 and 2026-10-25 are DST switch days in Europe; UTC buckets ignore them
        assertThat(Granularity.HOUR.bucketStarts(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")))
                .hasSize(24);
        assertThat(Granularity.DAY.bucketStart(Instant.parse("2026-10-25T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    }

    @Test
    void shouldListEveryBucketOverlappingARange() {
        Instant from = Instant.parse("2026-11-24T10:00:00Z");

        assertThat(Granularity.MINUTE.bucketStarts(from, from.plus(Duration.ofHours(24)))).hasSize(1440);
        assertThat(Granularity.HOUR.bucketStarts(from.plusSeconds(90), from.plusSeconds(3 * 3600)))
                .containsExactly(from, from.plusSeconds(3600), from.plusSeconds(7200));
        assertThat(Granularity.HOUR.bucketStarts(from, from)).isEmpty();
        assertThat(Granularity.HOUR.bucketStarts(from.plusSeconds(90), from.plusSeconds(90))).isEmpty();
        assertThat(Granularity.DAY.bucketStarts(from.plusSeconds(90), from)).isEmpty();
    }

    @Test
    void shouldTellAlignedInstants() {
        assertThat(Granularity.HOUR.isAligned(Instant.parse("2026-11-24T10:00:00Z"))).isTrue();
        assertThat(Granularity.HOUR.isAligned(Instant.parse("2026-11-24T10:01:00Z"))).isFalse();
        assertThat(Granularity.MINUTE.isAligned(Instant.parse("2026-11-24T10:01:00.001Z"))).isFalse();
    }

    @Test
    void shouldParseLowerCaseIdsAndNameTheChoicesOtherwise() {
        assertThat(Granularity.parse("minute")).isEqualTo(Granularity.MINUTE);
        assertThat(Granularity.parse("day")).isEqualTo(Granularity.DAY);
        assertThat(Granularity.HOUR.id()).isEqualTo("hour");
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.parse("week"))
                .withMessage("granularity 'week' is not one of minute, hour, day");
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.parse("HOUR"))
                .withMessage("granularity 'HOUR' is not one of minute, hour, day");
    }

    @Test
    void shouldFindFinestAndCoarsest() {
        assertThat(Granularity.finestOf(Set.of(Granularity.DAY, Granularity.HOUR))).isEqualTo(Granularity.HOUR);
        assertThat(Granularity.coarsestOf(List.of(Granularity.MINUTE, Granularity.HOUR))).isEqualTo(Granularity.HOUR);
        assertThat(Granularity.MINUTE.isFinerThan(Granularity.DAY)).isTrue();
        assertThat(Granularity.DAY.isFinerThan(Granularity.DAY)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.finestOf(List.of()));
    }

    @Test
    void shouldUseTheLowerCaseIdInJson() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(List.of(Granularity.MINUTE, Granularity.DAY))).isEqualTo("[\"minute\",\"day\"]");
        assertThat(json.readValue("\"hour\"", Granularity.class)).isEqualTo(Granularity.HOUR);
    }
}
