package io.lambda.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.lambda.core.event.EventReader;
import io.lambda.core.event.ReadResult;
import io.lambda.core.serving.ServingKeys;
import io.lambda.ingest.IngestProperties;
import io.lambda.ingest.dedup.DedupConnected;
import io.lambda.ingest.dedup.RecentIds;
import io.lambda.ingest.kafka.EventPublisher;
import io.lambda.ingest.kafka.ReadyTopic;
import io.lambda.test.LambdaStack;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;

/** The request flow against real Redis, with a producer whose acknowledgements the test controls. */
class EventIngestorIntegrationTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RedisClient client = RedisClient.create(LambdaStack.get().redis().uri().toString());
    private final RecentIds recentIds = new RecentIds(() -> client, new ServingKeys(LambdaStack.get().newKeyPrefix()),
            Duration.ofHours(1), Duration.ofSeconds(2), registry);
    private final IngestProperties properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of(
            "lambda.ingest.retry-after", "2500ms"))).bindOrCreate("lambda.ingest", IngestProperties.class);

    @AfterEach
    void shutdown() {
        recentIds.close();
        client.shutdown();
    }

    @Test
    void shouldReportNothingAcceptedAndRememberNoIdWhenOneEventIsNotAcknowledged() {
        awaitRedis();
        MockProducer<String, byte[]> failing = producer(false);
        EventIngestor ingestor = ingestor(failing);

        CompletableFuture<IngestResponse> first = CompletableFuture.supplyAsync(() -> ingestor.ingest(read("a", "b", "c")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> failing.history().size() == 3);
        failing.completeNext();
        failing.completeNext();
        failing.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThatExceptionOfType(CompletionException.class).isThrownBy(first::join)
                .havingCause().isInstanceOfSatisfying(IngestProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.LOG_UNAVAILABLE);
                    assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
                    assertThat(problem.getBody().getDetail()).isEqualTo("No event of this request was accepted: "
                            + "the event log refused the events: Expiring 1 record(s). Retrying the same request is safe.");
                });
        assertThat(recentIds.seen(List.of("a", "b", "c"))).isEmpty();
        assertThat(registry.find("lambda.ingest.events").tag("outcome", "accepted").counter().count()).isZero();
    }

    @Test
    void shouldWriteEveryEventAgainWhenTheSameRequestIsRetriedAfterA503() {
        awaitRedis();
        MockProducer<String, byte[]> failing = producer(false);
        CompletableFuture<IngestResponse> first = CompletableFuture.supplyAsync(() -> ingestor(failing).ingest(read("a", "b")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> failing.history().size() == 2);
        failing.completeNext();
        failing.errorNext(new TimeoutException("Expiring 1 record(s)"));
        assertThatExceptionOfType(CompletionException.class).isThrownBy(first::join);
        MockProducer<String, byte[]> working = producer(true);

        IngestResponse retry = ingestor(working).ingest(read("a", "b"));

        // "a" is in the log twice now, with the same key (so the same partition): downstream keeps one per id
        assertThat(retry).isEqualTo(new IngestResponse(2, 0, 0, List.of()));
        assertThat(working.history()).extracting(ProducerRecord::key).containsExactly("a", "b");
        assertThat(recentIds.seen(List.of("a", "b"))).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldAnswerFromRedisAloneWhenEveryIdWasAcceptedBefore() {
        awaitRedis();
        MockProducer<String, byte[]> producer = producer(true);
        ingestor(producer).ingest(read("a", "b"));

        IngestResponse again = ingestor(producer).ingest(read("b", "a", "b"));

        assertThat(again).isEqualTo(new IngestResponse(0, 3, 0, List.of()));
        assertThat(producer.history()).hasSize(2);
    }

    private EventIngestor ingestor(MockProducer<String, byte[]> producer) {
        EventPublisher publisher = new EventPublisher(producer, "events", ReadyTopic.state(), Duration.ofSeconds(30),
                registry);
        return new EventIngestor(recentIds, publisher, new IngestMetrics(registry), properties);
    }

    private void awaitRedis() {
        DedupConnected.await(recentIds);
    }

    private static ReadResult read(String... ids) {
        StringBuilder body = new StringBuilder("[");
        for (String id : ids) {
            body.append(body.length() > 1 ? "," : "").append("{\"id\":\"").append(id)
                    .append("\",\"type\":\"pageview\",\"timestamp\":").append(System.currentTimeMillis()).append('}');
        }
        return new EventReader().readJson(new ByteArrayInputStream(body.append(']').toString()
                .getBytes(StandardCharsets.UTF_8)), Instant.now());
    }

    private static MockProducer<String, byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }
}
