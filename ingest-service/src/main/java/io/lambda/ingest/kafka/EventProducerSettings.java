package io.lambda.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The producer settings of the event topic: idempotent, {@code acks=all}, String key (the event id), byte[] value
 * (Avro), and every blocking step bounded by the produce timeout. The benchmark builds its baseline producer with
 * the same method, so both write with the same settings.
 */
public final class EventProducerSettings {

    /** Kafka's {@code linger.ms} default since 4.0. */
    private static final long DEFAULT_LINGER_MS = 5;

    private EventProducerSettings() {
    }

    /**
     * {@code base} (e.g. Spring Boot's {@code spring.kafka.producer.*}) with the settings ingest depends on forced.
     *
     * <ul>
     * <li>{@code max.block.ms} = the timeout: {@code send} waits at most that long for metadata or buffer space;
     * <li>{@code request.timeout.ms} = the timeout, {@code delivery.timeout.ms} = timeout + {@code linger.ms}
     * (the least Kafka allows): a record the broker did not take is given up soon after the request's 503, so the
     * buffer doesn't fill with records nobody waits for.
     * </ul>
     */
    public static Map<String, Object> of(Map<String, Object> base, Duration produceTimeout) {
        Map<String, Object> settings = new HashMap<>(base);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, produceTimeout.toMillis());
        long lingerMs = lingerMs(settings.get(ProducerConfig.LINGER_MS_CONFIG));
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeoutMs + lingerMs));
        settings.put(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs);
        return settings;
    }

    private static long lingerMs(@Nullable Object configured) {
        if (configured == null) {
            return DEFAULT_LINGER_MS;
        }
        return configured instanceof Number number ? number.longValue() : Long.parseLong(configured.toString().trim());
    }
}
