package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;

/** The record shape of {@code lambda.events}: key = event id, value = {@link EventAvroCodec} bytes, LogAppendTime. */
@LambdaStackTest
class AvroEventKafkaIntegrationTests {

    /** Long before any broker clock: a LogAppendTime stamp cannot be mistaken for it. */
    private static final Instant T = Instant.parse("2020-01-01T10:15:30.123Z");

    private final EventAvroCodec codec = new EventAvroCodec();

    @Test
    void shouldConsumeEveryProducedAvroEventUnchangedAndKeyedById(LambdaStack stack) throws Exception {
        String topic = logAppendTimeTopic(stack, "avro-events");
        List<Event> sent = List.of(
                Event.of("evt-1", "pageview", T, Map.of(
                        "url", "/pricing?q=ä€😀", "empty", "", "durationMs", 5400L, "min", Long.MIN_VALUE,
                        "scrollDepth", 0.73d, "negativeZero", -0.0d, "loggedIn", true, "returning", false)),
                Event.of("evt-2", "click", T.plusMillis(1), Map.of()),
                Event.of("evt-3", "purchase", T.plusSeconds(60), Map.of("amount", 49.99d, "items", 3L, "currency", "EUR")));

        produce(stack, topic, sent);
        List<ConsumerRecord<String, byte[]>> records = consume(stack, topic, sent.size());

        Map<String, Event> received = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            received.put(record.key(), codec.decode(record.value()));
        }
        assertThat(received).containsOnlyKeys("evt-1", "evt-2", "evt-3");
        assertThat(received.values()).containsExactlyInAnyOrderElementsOf(sent);
        received.forEach((key, event) -> assertThat(event.id()).isEqualTo(key));
        assertThat(received.get("evt-1").attributes().get("negativeZero")).isEqualTo(-0.0d);
    }

    @Test
    void shouldTakeIngestTimeFromTheLogAppendTimeOfTheRecord(LambdaStack stack) throws Exception {
        String topic = logAppendTimeTopic(stack, "avro-ingest-time");
        Event sent = Event.of("evt-42", "pageview", T, Map.of("url", "/", "durationMs", 120L));
        Instant beforeProduce = Instant.now().minusSeconds(1);

        produce(stack, topic, List.of(sent));
        ConsumerRecord<String, byte[]> record = consume(stack, topic, 1).get(0);
        Instant afterConsume = Instant.now().plusSeconds(1);
        Event ingested = codec.decode(record.value()).withIngestTime(Instant.ofEpochMilli(record.timestamp()));

        assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(record.timestamp()).isNotEqualTo(T.toEpochMilli());
        assertThat(ingested.ingestTime()).isBetween(beforeProduce, afterConsume);
        assertThat(ingested).isEqualTo(sent.withIngestTime(Instant.ofEpochMilli(record.timestamp())));
        assertThat(codec.decode(codec.encode(ingested))).isEqualTo(ingested);
    }

    private static String logAppendTimeTopic(LambdaStack stack, String prefix) {
        return stack.createTopic(prefix, 2, Map.of("message.timestamp.type", "LogAppendTime"));
    }

    /** Sends each event with its own timestamp as the record's CreateTime, which LogAppendTime must replace. */
    private void produce(LambdaStack stack, String topic, List<Event> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = stack.newProducer()) {
            for (Event event : events) {
                producer.send(new ProducerRecord<>(topic, null, event.timestamp().toEpochMilli(), event.id(),
                        codec.encode(event))).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consume(LambdaStack stack, String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = stack.newConsumer("avro-" + topic)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
