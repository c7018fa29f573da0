package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

@LambdaStackTest
class KafkaIntegrationTests {

    private record Received(String key, String value, int partition) {
    }

    @Test
    void shouldConsumeEveryProducedRecordFromUniqueTopic(LambdaStack stack) throws Exception {
        String topic = stack.createTopic("kafka-roundtrip", 3);
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = stack.newProducer()) {
            for (int i = 0; i < 30; i++) {
                String value = "payload-" + i;
                producer.send(new ProducerRecord<>(topic, "key-" + i, value.getBytes(StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
                sent.add("key-" + i + "=" + value);
            }
        }

        List<Received> received = consumeAll(stack, topic, sent.size());

        assertThat(received).extracting(r -> r.key() + "=" + r.value()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(received).extracting(Received::partition).containsOnly(0, 1, 2);
    }

    @Test
    void shouldCreateTopicWithRequestedPartitionsAndDistinctName(LambdaStack stack) throws Exception {
        String first = stack.createTopic("same-prefix", 4);
        String second = stack.createTopic("same-prefix", 2);

        Map<String, TopicDescription> topics = stack.admin().describeTopics(List.of(first, second))
                .allTopicNames().get(10, TimeUnit.SECONDS);

        assertThat(first).startsWith("same-prefix-").isNotEqualTo(second);
        assertThat(topics.get(first).partitions()).hasSize(4);
        assertThat(topics.get(second).partitions()).hasSize(2);
    }

    @Test
    void shouldStampRecordsWithBrokerTimeWhenTopicUsesLogAppendTime(LambdaStack stack) throws Exception {
        String topic = stack.createTopic("log-append", 1, Map.of("message.timestamp.type", "LogAppendTime"));
        long clientTimestamp = 1_000L;
        try (KafkaProducer<String, byte[]> producer = stack.newProducer()) {
            producer.send(new ProducerRecord<>(topic, 0, clientTimestamp, "id-1", new byte[] {1, 2, 3}))
                    .get(10, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, byte[]> consumer = stack.newConsumer("log-append-" + topic)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return !records.isEmpty();
                    });

            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(record.timestamp()).isGreaterThan(clientTimestamp);
            assertThat(record.value()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void shouldNotCreateTopicsImplicitly(LambdaStack stack) throws Exception {
        String missing = "never-created-" + stack.newKeyPrefix().replace(":", "");

        try (KafkaConsumer<String, byte[]> consumer = stack.newConsumer("probe")) {
            // a metadata request auto-creates the topic on a broker with auto.create.topics.enable=true
            assertThat(consumer.partitionsFor(missing, Duration.ofSeconds(30))).isEmpty();
        }

        assertThat(stack.admin().listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(missing);
    }

    private static List<Received> consumeAll(LambdaStack stack, String topic, int expected) {
        List<Received> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = stack.newConsumer("roundtrip-" + topic)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(
                        new Received(r.key(), new String(r.value(), StandardCharsets.UTF_8), r.partition())));
                return received.size() >= expected;
            });
        }
        return received;
    }
}
