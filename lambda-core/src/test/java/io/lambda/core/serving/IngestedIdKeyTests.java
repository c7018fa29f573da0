package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IngestedIdKeyTests {

    private static final Instant BUCKET = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void shouldTagTheBucketKeyWithItsShard() {
        String key = new ServingKeys("lambda:").ingestedIds(7, BUCKET);

        assertThat(key).isEqualTo("lambda:ingested:{s7}:" + BUCKET.toEpochMilli());
        assertThat(ServingKeys.hashTag(key)).isEqualTo("s7");
    }

    @Test
    void shouldRefuseShardsOutsideTheLayout() {
        ServingKeys keys = new ServingKeys("p:");

        assertThat(keys.ingestedIds(0, BUCKET)).startsWith("p:ingested:{s0}:");
        assertThat(keys.ingestedIds(15, BUCKET)).startsWith("p:ingested:{s15}:");
        assertThatIllegalArgumentException().isThrownBy(() -> keys.ingestedIds(16, BUCKET));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.ingestedIds(-1, BUCKET));
    }

    @Test
    void shouldShardIdsByTheirHashCode() {
        String id = "0f8c2d1e-a:b.c_d";

        assertThat(ServingKeys.ingestedIdShard(id)).isEqualTo(Math.floorMod(id.hashCode(), 16));
    }

    @Test
    void shouldSpreadIdsOverAllShards() {
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            shards.add(ServingKeys.ingestedIdShard("evt-" + i));
        }

        assertThat(shards).hasSize(ServingKeys.INGESTED_ID_SHARDS);
    }

    @Test
    void shouldTagAProbeWithTheShardOfTheBucketsItIsIntersectedWith() {
        ServingKeys keys = new ServingKeys("lambda:");
        String probe = keys.ingestedIdsProbe(7, "5b0e");

        assertThat(probe).isEqualTo("lambda:ingested:{s7}:probe:5b0e");
        assertThat(ServingKeys.hashTag(probe)).isEqualTo(ServingKeys.hashTag(keys.ingestedIds(7, BUCKET)));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.ingestedIdsProbe(16, "5b0e"));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.ingestedIdsProbe(1, "{x}"));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.ingestedIdsProbe(1, ""));
    }
}
