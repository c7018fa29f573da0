package io.lambda.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    private final ServingKeys keys = new ServingKeys(LambdaStack.get().newKeyPrefix());
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
    void shouldWriteTheDocumentedKeyWithTheWindowAsTtlAndKeepTheFirstExpiry() {
        try (RecentIds recentIds = connected(Duration.ofMinutes(10));
             StatefulRedisConnection<String, String> redis = client.connect()) {
            recentIds.remember(List.of("evt-1"));
            redis.sync().pexpire(keys.ingestedId("evt-1"), 60_000);

            recentIds.remember(List.of("evt-1"));

            assertThat(redis.sync().get(keys.ingestedId("evt-1"))).isEqualTo("1");
            assertThat(redis.sync().pttl(keys.ingestedId("evt-1"))).isBetween(1L, 60_000L);
        }
        try (RecentIds recentIds = connected(Duration.ofMinutes(10));
             StatefulRedisConnection<String, String> redis = client.connect()) {
            recentIds.remember(List.of("evt-2"));

            assertThat(redis.sync().pttl(keys.ingestedId("evt-2"))).isBetween(590_000L, 600_000L);
        }
    }

    @Test
    void shouldForgetIdsOnceTheWindowHasPassed() {
        try (RecentIds recentIds = connected(Duration.ofMillis(300))) {
            recentIds.remember(List.of("short-lived"));
            assertThat(recentIds.seen(List.of("short-lived"))).containsExactly("short-lived");

            Awaitility.await().atMost(Duration.ofSeconds(5))
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

    private RecentIds connected(Duration window) {
        RecentIds recentIds = new RecentIds(() -> client, keys, window, Duration.ofSeconds(2), registry);
        Awaitility.await("connected").atMost(Duration.ofSeconds(10))
                .until(() -> recentIds.seen(List.of("probe")).isEmpty() && recentIds.available());
        return recentIds;
    }
}
