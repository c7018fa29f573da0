package io.lambda.ingest.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends records the archiver can't read to {@code <topic>.dlt} (STYLE.md), with Spring Kafka's dead-letter headers
 * (original topic, partition, offset, timestamp, consumer group; exception class and message), so the usual tools
 * read them. A send completes before the record counts as handled: its offset may then be committed.
 */
final class DeadLetters implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String groupId;

    DeadLetters(Producer<String, byte[]> producer, String groupId) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
    }

    /** The dead-letter topic of {@code topic}. */
    static String topicOf(String topic) {
        return topic + ".dlt";
    }

    /** Sends {@code record} with {@code reason} and waits until the broker has it. */
    void send(ConsumerRecord<String, byte[]> record, Exception reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, utf8(record.timestampType().toString()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(groupId));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(reason.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(reason.getMessage())));
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(topicOf(record.topic()), null, record.key(),
                record.value(), headers);
        try {
            producer.send(deadLetter).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted sending a dead letter of " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        } catch (ExecutionException e) {
            throw new KafkaException("could not send a dead letter of " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
