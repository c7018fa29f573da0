package io.lambda.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lambda.core.serving.ServingKeys;
import io.lambda.test.RedisClusterNode;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedup on a Redis Cluster (a real one-node cluster, which refuses commands whose keys lie in different slots):
 * ids spread over {@value ServingKeys#INGESTED_ID_SHARDS} shards, and every command of a shard stays in its slot.
 */
class RecentIdsClusterIntegrationTests {

    @TempDir
    static Path workDir;

    private static RedisClusterNode node;
    private static RedisClusterClient client;

    private static final String PREFIX = "cluster-test:";

    private final ServingKeys keys = new ServingKeys(PREFIX);

    @BeforeAll
    static void startCluster() {
        node = RedisClusterNode.start(workDir);
        client = RedisClusterClient.create(node.endpoint().uri().toString());
    }

    @AfterAll
    static void stopCluster() {
        client.shutdown();
        node.close();
    }

    @Test
    void shouldSpreadIdsOverEveryShardAndFindThemAgain() {
        Duration window = Duration.ofHours(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add("cluster-evt-" + i);
        }
        try (RecentIds recentIds = new RecentIds(() -> client, keys, window, Duration.ofSeconds(2),
                new SimpleMeterRegistry());
             StatefulRedisClusterConnection<String, String> redis = client.connect()) {
            DedupConnected.await(recentIds);
            Instant bucket = new IdBuckets(window).current(Instant.now());
            recentIds.remember(ids.subList(0, 1_000));

            assertThat(recentIds.seen(ids)).hasSize(1_000).containsAll(ids.subList(0, 1_000));
            assertThat(recentIds.available()).isTrue();
            Set<String> stored = new HashSet<>();
            for (int shard = 0; shard < ServingKeys.INGESTED_ID_SHARDS; shard++) {
                int expected = shard;
                Set<String> members = redis.sync().smembers(keys.ingestedIds(shard, bucket));
                assertThat(members).as("shard %d", shard).isNotEmpty()
                        .allSatisfy(id -> assertThat(ServingKeys.ingestedIdShard(id)).isEqualTo(expected));
                stored.addAll(members);
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(ids.subList(0, 1_000));
            assertThat(redis.sync().keys(PREFIX + "ingested:*:probe:*")).isEmpty();
        }
    }
}
