package io.lambda.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lambda.test.LambdaStack;
import io.lambda.test.LambdaStackTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LambdaStackTest
class BatchPointerPublisherIntegrationTests {

    private static final ViewVersion VIEW = new ViewVersion("pageviews", "73fc7e2470cb");
    private static final Instant T1 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-24T10:05:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:12:31.200Z");

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private ServingKeys keys;
    private BatchPointerPublisher publisher;

    @BeforeEach
    void connect(LambdaStack stack) {
        client = RedisClient.create(stack.redis().uri().toString());
        connection = client.connect();
        keys = new ServingKeys(stack.newKeyPrefix());
        publisher = new BatchPointerPublisher(connection.sync(), keys);
    }

    @AfterEach
    void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void shouldRefuseALowerBoundaryAndKeepTheHigherOneServing() {
        BatchPointer later = new BatchPointer("run-2", T2, NOW);
        assertThat(publisher.publish(VIEW, later).published()).isTrue();

        BatchPointerPublisher.Outcome outcome = publisher.publish(VIEW, new BatchPointer("run-1", T1, NOW));

        assertThat(outcome.published()).isFalse();
        assertThat(outcome.serving()).isEqualTo(later);
        assertThat(publisher.current(VIEW)).isEqualTo(later);
    }

    @Test
    void shouldPublishTheSameBoundaryAgainHarmlessly() {
        publisher.publish(VIEW, new BatchPointer("run-1", T1, NOW));

        BatchPointerPublisher.Outcome again = publisher.publish(VIEW, new BatchPointer("run-1b", T1, NOW));

        assertThat(again.published()).isTrue();
        assertThat(publisher.boundary(VIEW)).isEqualTo(T1);
    }

    @Test
    void shouldLeaveTheHigherBoundaryWhenTwoPublishersRace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 20; round++) {
            ViewVersion view = new ViewVersion("race" + round, "v1");
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> publishers = new ArrayList<>();
            for (Instant boundary : List.of(T1, T2)) {
                publishers.add(pool.submit(() -> {
                    try (StatefulRedisConnection<String, String> own = client.connect()) {
                        BatchPointerPublisher mine = new BatchPointerPublisher(own.sync(), keys);
                        start.await();
                        return mine.publish(view, new BatchPointer("run-" + boundary.getEpochSecond(), boundary, NOW));
                    }
                }));
            }
            for (Future<?> f : publishers) {
                f.get();
            }
            assertThat(publisher.boundary(view)).as("round %d", round).isEqualTo(T2);
        }
        pool.shutdown();
    }

    @Test
    void shouldRefuseAPointerThatIsNotASlotStart() {
        assertThatThrownBy(() -> publisher.publish(VIEW, new BatchPointer("r", T1.plusMillis(5), NOW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot start");
        assertThatThrownBy(() -> BatchPointer.forSlots(new IngestSlots(Duration.ofMinutes(5)), "r", T1.plusSeconds(60),
                NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot start");
    }

    @Test
    void shouldRecordTheSlotLengthOnceAndRefuseAnother() {
        SlotLengthRecord.verify(connection.sync(), keys, new IngestSlots(Duration.ofMinutes(5)));
        SlotLengthRecord.verify(connection.sync(), keys, new IngestSlots(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> SlotLengthRecord.verify(connection.sync(), keys, new IngestSlots(Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lambda.slot is PT1M but this platform records PT5M");
    }
}
