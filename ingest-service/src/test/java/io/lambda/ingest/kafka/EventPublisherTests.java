package io.lambda.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class EventPublisherTests {

    private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final List<Event> EVENTS = List.of(
            Event.of("a", "pageview", T, Map.of("url", "/x")),
            Event.of("b", "pageview", T, Map.of()),
            Event.of("c", "click", T, Map.of("n", 1L)));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventTopicState state = new EventTopicState();

    @Test
    void shouldWriteEachEventKeyedByIdWithItsAvroValueAndReturnOnceAllAreAcknowledged() {
        MockProducer<String, byte[]> producer = producer(true);
        state.update(new TopicStatus.Ready(3));

        publisher(producer, Duration.ofSeconds(5)).publish(EncodedEvent.of(EVENTS));

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("events");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a", "b", "c");
        assertThat(producer.history()).extracting(record -> new EventAvroCodec().decode(record.value()))
                .containsExactlyElementsOf(EVENTS);
        assertThat(registry.get("lambda.ingest.produce.latency").tag("outcome", "acked").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldFailTheWholeRequestWhenOneEventIsRefused() {
        MockProducer<String, byte[]> producer = producer(false);
        EventPublisher publisher = publisher(producer, Duration.ofSeconds(30));

        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publisher.publish(EncodedEvent.of(EVENTS)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("only 1 of 2 replicas in sync"));

        assertThatExceptionOfType(java.util.concurrent.CompletionException.class).isThrownBy(publishing::join)
                .havingCause().isInstanceOf(LogUnavailableException.class)
                .withMessage("the event log refused the events: only 1 of 2 replicas in sync");
        assertThat(registry.get("lambda.ingest.produce.latency").tag("outcome", "failed").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldFailWhenTheBrokerDoesNotAcknowledgeEverythingWithinTheTimeout() {
        MockProducer<String, byte[]> producer = producer(false);

        assertThatExceptionOfType(LogUnavailableException.class)
                .isThrownBy(() -> publisher(producer, Duration.ofMillis(200)).publish(EncodedEvent.of(EVENTS)))
                .withMessage("the event log did not acknowledge 3 of 3 events within 200 ms");
    }

    @Test
    void shouldRefuseAtOnceWithoutSendingWhileTheBrokerIsKnownUnreachable() {
        MockProducer<String, byte[]> producer = producer(true);
        state.update(new TopicStatus.Pending("broker not reachable within 1000 ms", true));

        assertThatExceptionOfType(LogUnavailableException.class)
                .isThrownBy(() -> publisher(producer, Duration.ofSeconds(5)).publish(EncodedEvent.of(EVENTS)))
                .withMessage("the event log is not reachable: broker not reachable within 1000 ms");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldStillTryWhenTheTopicCouldNotBeCheckedForAnotherReason() {
        MockProducer<String, byte[]> producer = producer(true);
        state.update(new TopicStatus.Pending("not authorized to describe configs", false));

        publisher(producer, Duration.ofSeconds(5)).publish(EncodedEvent.of(EVENTS));

        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void shouldRefuseWithoutSendingWhenTheTopicIsMisconfigured() {
        MockProducer<String, byte[]> producer = producer(true);
        state.update(new TopicStatus.Misconfigured("topic events has message.timestamp.type=CreateTime"));

        assertThatExceptionOfType(LogUnavailableException.class)
                .isThrownBy(() -> publisher(producer, Duration.ofSeconds(5)).publish(EncodedEvent.of(EVENTS)))
                .withMessageStartingWith("the event log is misconfigured: topic events has message.timestamp.type");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldDoNothingForNoEvents() {
        MockProducer<String, byte[]> producer = producer(false);

        publisher(producer, Duration.ofMillis(1)).publish(List.of());

        assertThat(producer.history()).isEmpty();
    }

    private EventPublisher publisher(MockProducer<String, byte[]> producer, Duration timeout) {
        return new EventPublisher(producer, "events", state, timeout, registry);
    }

    private static MockProducer<String, byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }
}
