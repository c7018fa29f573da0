package io.lambda.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewDefinition;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running query service on the stack's Kafka and Redis, shared by the integration test classes that extend this
 * (Spring caches the context). A topic of {@value #PARTITIONS} partitions with LogAppendTime, a Redis prefix of its
 * own; each test class uses views of its own (query-views.yml), written with {@link ServingWriter}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
abstract class AbstractQueryIntegrationTests {

    static final int PARTITIONS = 3;
    static final LambdaStack STACK = LambdaStack.get();
    static final String TOPIC = STACK.createTopic("query-events", PARTITIONS,
            Map.of("message.timestamp.type", "LogAppendTime"));
    static final String PREFIX = STACK.newKeyPrefix();
    static final ServingKeys KEYS = new ServingKeys(PREFIX);
    static final IngestSlots SLOTS = IngestSlots.ofDefault();
    static final ViewCatalog VIEWS = ViewCatalogLoader.load("classpath:query-views.yml");
    static final ServingWriter WRITER = new ServingWriter(STACK, KEYS, SLOTS);
    static final FakeBatchService BATCH = FakeBatchService.start();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackProperties.of(STACK).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("lambda.events.name", () -> TOPIC);
        registry.add("lambda.events.partitions", () -> PARTITIONS);
        registry.add("lambda.serving.key-prefix", () -> PREFIX);
        registry.add("lambda.query.kafka-timeout", () -> "20s");
        registry.add("lambda.query.redis-timeout", () -> "20s");
        registry.add("lambda.query.batch-url", BATCH::url);
    }

    @LocalServerPort
    int port;

    QueryHttp http;

    @BeforeEach
    void connect() {
        http = new QueryHttp(port);
    }

    static ViewDefinition view(String name) {
        return VIEWS.get(name);
    }

    /** The topic's end offsets now, per partition. */
    static Map<Integer, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            specs.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
        }
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = STACK.admin().listOffsets(specs).all()
                    .get(30, TimeUnit.SECONDS);
            Map<Integer, Long> offsets = new HashMap<>();
            ends.forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("reading end offsets of " + TOPIC, e);
        }
    }

    static final Duration PATIENCE = Duration.ofSeconds(60);

    static List<Integer> partitions() {
        return java.util.stream.IntStream.range(0, PARTITIONS).boxed().toList();
    }
}
