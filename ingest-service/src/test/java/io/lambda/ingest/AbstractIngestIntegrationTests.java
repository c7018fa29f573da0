package io.lambda.ingest;

import java.time.Duration;
import java.util.List;

import io.lambda.ingest.dedup.DedupConnected;
import io.lambda.ingest.dedup.RecentIds;
import io.lambda.ingest.kafka.EventTopicState;
import io.lambda.ingest.kafka.TopicStatus;
import io.lambda.test.LambdaStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running ingest service on the stack's Kafka and Redis, shared by the integration test classes that extend
 * this (Spring caches the context: the same configuration starts once). Each test uses ids of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
abstract class AbstractIngestIntegrationTests {

    static final String TOPIC = IngestTestProperties.newTopicName();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        IngestTestProperties.register(registry, TOPIC, LambdaStack.get().newKeyPrefix());
        IngestTestProperties.PATIENT_TIMEOUTS.forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RecentIds recentIds;

    @Autowired
    EventTopicState topicState;

    IngestHttp http;
    String prefix;

    @BeforeEach
    void connect() {
        http = new IngestHttp(port);
        prefix = TestEvents.uniquePrefix();
        // dedup connects to Redis in the background after startup; tests about duplicates need it connected
        DedupConnected.await(recentIds);
        // the topic is checked (and created) in the background at startup; until then requests get 503
        Awaitility.await("topic " + TOPIC + " ready").atMost(Duration.ofSeconds(30))
                .until(() -> topicState.status() instanceof TopicStatus.Ready);
    }

    /** The records of the topic whose key starts with this test's prefix. */
    List<ConsumerRecord<String, byte[]>> recordsOfThisTest() {
        return EventTopicContents.readAll(TOPIC).stream().filter(record -> record.key().startsWith(prefix)).toList();
    }
}
