package io.lambda.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lambda.test.LambdaStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads everything a topic holds right now, from the beginning to the end offsets. */
public final class EventTopicContents {

    private EventTopicContents() {
    }

    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> properties = LambdaStack.get().consumerProperties("read-" + UUID.randomUUID());
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            if (end.values().stream().allMatch(offset -> offset == 0)) {
                return records;
            }
            Awaitility.await("reading " + topic + " up to " + end).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                    });
            return records;
        }
    }

    /** The keys (event ids) of the records in {@code topic} whose key starts with {@code prefix}, in topic order. */
    public static List<String> keysStartingWith(String topic, String prefix) {
        return readAll(topic).stream().map(ConsumerRecord::key).filter(key -> key.startsWith(prefix)).toList();
    }
}
