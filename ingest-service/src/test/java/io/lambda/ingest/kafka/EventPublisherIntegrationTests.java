package io.lambda.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lambda.core.event.Event;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** The real producer with ingest's settings: every wait is bounded by the produce timeout. */
class EventPublisherIntegrationTests {

    @Test
    void shouldGiveUpWithinTheProduceTimeoutWhenTheBrokerCannotBeReached() throws Exception {
        Duration timeout = Duration.ofSeconds(1);
        Map<String, Object> settings = EventProducerSettings.of(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ClosedPort.find()), timeout);
        EventTopicState state = new EventTopicState();
        state.update(new TopicStatus.Ready(1)); // as if the broker went away after the startup check
        List<Event> events = List.of(Event.of("a", "pageview", Instant.now(), Map.of()),
                Event.of("b", "pageview", Instant.now(), Map.of()));

        try (EventPublisher publisher = new EventPublisher(new KafkaProducer<>(settings), "events", state, timeout,
                new SimpleMeterRegistry())) {
            // Kafka's default max.block.ms would keep the first send waiting for metadata for 60 s
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatExceptionOfType(LogUnavailableException.class)
                    .isThrownBy(() -> publisher.publish(EncodedEvent.of(events)))
                    .withMessageContaining("not present in metadata after 1000 ms"));
        }
    }
}
