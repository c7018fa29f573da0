package io.lambda.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lambda.core.serving.ServingKeys;
import io.lambda.ingest.kafka.ClosedPort;
import io.lambda.test.LambdaStack;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentIdsIntegrationTests {

    private final String prefix = LambdaStack.get().newKeyPrefix();
    private final ServingKeys keys = new ServingKeys(prefix);
    private final RedisClient client = RedisClient.create(LambdaStack.get().redis().uri().toString());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void shutdown() {
        client.shutdown();
    }

    @Test
    void shouldReportOnlyRememberedIdsAsSeen() {
        try (RecentIds recentIds = connected(Duration.ofHours(24))) {
            recentIds.remember(List.of("a", "b"));

            assertThat(recentIds.seen(List.of("a", "b", "c"))).containsExactlyInAnyOrder("a", "b");
            assertThat(recentIds.seen(List.of("c", "d"))).isEmpty();
        }
    }

    @Test
    void shouldCheckAndRememberThousandsOfIdsAtOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            ids.add("evt-" + i);
        }
        try (RecentIds recentIds = connected(Duration.ofHours(24))) {
            recentIds.remember(ids.subList(0, 6_000));

            assertThat(recentIds.seen(ids)).hasSize(6_000).containsAll(ids.subList(0, 6_000));
        }
    }

    @Test
    void shouldKeepTheIdsOfABucketInASetThatExpiresAWindowAfterTheBucketEnds() {
        Duration window = Duration.ofMinutes(20);
        try (RecentIds recentIds = connected(window);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            Instant bucket = new IdBuckets(window).current(Instant.now());
            recentIds.remember(List.of("evt-1"));
            recentIds.seen(List.of("evt-1")); // answered after the remember: one connection runs commands in order

            String key = keys.ingestedIds(0, bucket); // a single server keeps every id in shard 0
            assertThat(redis.sync().smembers(key)).containsExactly("evt-1");
            long expiresIn = new IdBuckets(window).expiry(bucket).toEpochMilli() - System.currentTimeMillis();
            assertThat(redis.sync().pttl(key)).isBetween(expiresIn - 5_000, expiresIn);
        }
    }

    @Test
    void shouldForgetIdsOnceTheWindowAndItsBucketHavePassed() {
        // long enough that a stalled machine still checks within the window, short enough to wait for
        try (RecentIds recentIds = connected(Duration.ofSeconds(2))) {
            recentIds.remember(List.of("short-lived"));
            assertThat(recentIds.seen(List.of("short-lived"))).containsExactly("short-lived");

            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> recentIds.seen(List.of("short-lived")).isEmpty());
        }
    }

    @Test
    void shouldTreatEveryIdAsUnseenAndCountFailuresWhenRedisIsUnreachable() throws Exception {
        RedisClient unreachable = RedisClient.create("redis://127.0.0.1:" + ClosedPort.find());
        try (RecentIds recentIds = new RecentIds(() -> unreachable, keys, Duration.ofHours(1), Duration.ofMillis(200),
                registry)) {
            recentIds.remember(List.of("x"));

            assertThat(recentIds.seen(List.of("x"))).isEmpty();
            assertThat(recentIds.available()).isFalse();
            assertThat(registry.get("lambda.ingest.dedup.failures").tag("operation", "check").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("lambda.ingest.dedup.failures").tag("operation", "remember").counter().count())
                    .isEqualTo(1);
        } finally {
            unreachable.shutdown();
        }
    }

    @Test
    void shouldAnswerEveryShardAndBucketOfOneRequestTogether() {
        Duration window = Duration.ofMinutes(20);
        try (RecentIds recentIds = connected(window);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            // after connecting, which may take seconds: the oldest bucket must still be in the window at the check
            Instant[] lookup = new IdBuckets(window).lookup(Instant.now());
            // ids remembered in an older bucket of the window (as another instance did then) count as seen
            String older = keys.ingestedIds(0, lookup[lookup.length - 1]);
            redis.sync().sadd(older, "old-1");
            recentIds.remember(List.of("new-1", "new-2"));

            assertThat(recentIds.seen(List.of("old-1", "new-1", "new-2", "never"))).containsExactlyInAnyOrder(
                    "old-1", "new-1", "new-2");
            // the probe sets of the check are gone once it has answered
            assertThat(redis.sync().keys(prefix + "ingested:*:probe:*")).isEmpty();
        }
    }

    private RecentIds connected(Duration window) {
        RecentIds recentIds = new RecentIds(() -> client, keys, window, Duration.ofSeconds(2), registry);
        DedupConnected.await(recentIds);
        return recentIds;
    }
}
