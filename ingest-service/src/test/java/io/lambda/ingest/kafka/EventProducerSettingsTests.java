package io.lambda.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class EventProducerSettingsTests {

    @Test
    void shouldForceIdempotenceAcksAllAndTheEventSerializers() {
        Map<String, Object> settings = EventProducerSettings.of(Map.of(
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), Duration.ofSeconds(5));

        assertThat(settings).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    @Test
    void shouldBoundEveryBlockingStepByTheProduceTimeout() {
        Map<String, Object> settings = EventProducerSettings.of(Map.of(), Duration.ofSeconds(3));

        assertThat(settings).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_005);
    }

    @Test
    void shouldKeepAConfiguredLingerAndAddItToTheDeliveryTimeout() {
        Map<String, Object> settings = EventProducerSettings.of(Map.of(ProducerConfig.LINGER_MS_CONFIG, "20"),
                Duration.ofSeconds(3));

        assertThat(settings).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_020);
    }
}
