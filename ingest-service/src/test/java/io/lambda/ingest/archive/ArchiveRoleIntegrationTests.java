package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.MasterDataset;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** The archive role as the service runs it: enabled by the property, wired from Spring Boot's Kafka and Redis settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "lambda.archive.enabled=true", "lambda.archive.max-file-age=1s", "lambda.slot=2s"})
class ArchiveRoleIntegrationTests {

    private static final String TOPIC = LambdaStack.get().createTopic("role", 2, Map.of("message.timestamp.type", "LogAppendTime"));

    @DynamicPropertySource
    static void stackProperties(DynamicPropertyRegistry registry) {
        LambdaStack stack = LambdaStack.get();
        ObjectStoreProperties bucket = stack.newBucket();
        String keyPrefix = stack.newKeyPrefix();
        StackProperties.of(stack, bucket).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("lambda.events.name", () -> TOPIC);
        registry.add("lambda.events.partitions", () -> 2);
        registry.add("lambda.archive.group-id", () -> "archiver-" + TOPIC);
        registry.add("lambda.serving.key-prefix", () -> keyPrefix);
    }

    @Autowired
    ArchiverRunner runner;

    @Autowired
    ArchiverFactory archivers;

    @Autowired
    ArchiveWatermarkStore watermarks;

    @Autowired
    MeterRegistry registry;

    @Test
    void shouldRunTheArchiveRoleWhenEnabledAndArchiveWhatIsIngested() throws Exception {
        assertThat(runner.isRunning()).isTrue();
        assertThat(LambdaStack.get().admin().listTopics().names().get()).contains(DeadLetters.topicOf(TOPIC));

        List<String> ids = produce(40);

        await("40 events archived").atMost(ArchiveTestbed.WAIT)
                .until(() -> registry.get("lambda.archive.records").counter().count() == 40);
        MasterDataset dataset = archivers.dataset();
        List<String> archived = new ArrayList<>();
        for (ArchiveFile file : dataset.list(Instant.EPOCH, Instant.now().plusSeconds(60))) {
            dataset.read(file).forEach(event -> archived.add(event.id()));
        }
        assertThat(archived).containsExactlyInAnyOrderElementsOf(ids);
        await("watermark of both partitions").atMost(ArchiveTestbed.WAIT)
                .untilAsserted(() -> assertThat(watermarks.overall(2)).isPresent());
    }

    private static List<String> produce(int count) {
        EventAvroCodec codec = new EventAvroCodec();
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = LambdaStack.get().newProducer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = "role-" + i;
                ids.add(id);
                Event event = Event.of(id, "signup", Instant.now(), Map.of("plan", "pro"));
                sends.add(producer.send(new ProducerRecord<>(TOPIC, id, codec.encode(event))));
            }
            sends.forEach(ArchiveTestbed::get);
        }
        return ids;
    }

    @Test
    void shouldExposeTheWatermarkAsAGaugeInSecondsSinceTheEpoch() {
        await("watermark gauge").atMost(ArchiveTestbed.WAIT).untilAsserted(() ->
                assertThat(registry.get("lambda.archive.watermark").gauge().value())
                        .isCloseTo(Instant.now().getEpochSecond(), offset(30.0)));
        assertThat(registry.get("lambda.archive.watermark").gauge().getId().getBaseUnit()).isEqualTo("seconds");
    }
}
