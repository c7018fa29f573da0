package io.lambda.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class IdBucketsTests {

    private final IdBuckets buckets = new IdBuckets(Duration.ofHours(24));

    @Test
    void shouldCutTheWindowIntoTwoBucketsAlignedToTheEpoch() {
        assertThat(buckets.current(Instant.parse("2026-11-24T11:59:59.999Z"))).isEqualTo("2026-11-24T00:00:00Z");
        assertThat(buckets.current(Instant.parse("2026-11-24T12:00:00Z"))).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(buckets.current(Instant.parse("2026-11-24T17:30:00Z"))).isEqualTo("2026-11-24T12:00:00Z");
    }

    @Test
    void shouldLookInEveryBucketThatCanHoldAnIdOfTheLastWindow() {
        assertThat(buckets.lookup(Instant.parse("2026-11-24T17:30:00Z"))).containsExactly(
                Instant.parse("2026-11-24T12:00:00Z"), Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void shouldKeepABucketUntilAWindowAfterItEnds() {
        assertThat(buckets.expiry(Instant.parse("2026-11-24T12:00:00Z"))).isEqualTo("2026-11-26T00:00:00Z");
    }

    @Test
    void shouldFindAnIdForAtLeastOneWindowAndAtMostOneWindowAndABucket() {
        Instant accepted = Instant.parse("2026-11-24T11:59:59Z");
        Instant bucket = buckets.current(accepted);

        assertThat(bucket).isEqualTo("2026-11-24T00:00:00Z");
        assertThat(buckets.lookup(accepted.plus(Duration.ofHours(24)))).contains(bucket);
        assertThat(buckets.lookup(Instant.parse("2026-11-25T11:59:59.999Z"))).contains(bucket);
        assertThat(buckets.lookup(Instant.parse("2026-11-25T12:00:00Z"))).doesNotContain(bucket);
        assertThat(buckets.expiry(bucket)).isEqualTo("2026-11-25T12:00:00Z");
    }
}
