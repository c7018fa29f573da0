package io.lambda.ingest.archive;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lambda.core.time.IngestSlots;

/**
 * What an archiver needs to know besides its collaborators.
 *
 * @param properties     {@code lambda.archive}
 * @param topic          the event topic
 * @param slots          the ingest slots files are cut by
 * @param kafkaConsumer  base consumer settings (bootstrap servers, security); the archive's own are applied on top
 * @param kafkaProducer  base producer settings for the dead-letter topic
 */
public record ArchiverSettings(ArchiveProperties properties, String topic, IngestSlots slots,
        Map<String, Object> kafkaConsumer, Map<String, Object> kafkaProducer) {

    /** Records per poll unless configured: enough to keep the loop's per-poll work small next to the records. */
    private static final int MAX_POLL_RECORDS = 2_000;

    public ArchiverSettings {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(slots, "slots");
        kafkaConsumer = Map.copyOf(kafkaConsumer);
        kafkaProducer = Map.copyOf(kafkaProducer);
    }

    /**
     * Consumer settings: the configured group, manual commits, only committed transactions, and from the beginning
     * when the group has no offsets (an archive must hold everything).
     */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConsumer);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        return config;
    }

    /**
     * Settings of the consumer that only asks for the partitions' high watermarks: the archiver's, but reading
     * uncommitted and in no group. Its log ends include records an open transaction still hides from the archiver.
     */
    Map<String, Object> highWatermarkConsumerConfig() {
        Map<String, Object> config = consumerConfig();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return config;
    }

    /** Dead-letter producer settings: every send acknowledged by all in-sync replicas. */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaProducer);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    FileLimits fileLimits() {
        return FileLimits.of(properties, slots);
    }
}
