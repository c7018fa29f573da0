package io.lambda.speed;

import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import io.lambda.core.serving.ServingKeys;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running speed service on the stack's Kafka and Redis, shared by the test classes that extend this (Spring caches
 * the context): its own topic (3 partitions, LogAppendTime), key prefix, application id and state directory; 10 s
 * slots so a test spans several; the platform's example views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
abstract class AbstractSpeedIntegrationTests {

    static final int PARTITIONS = 3;
    static final String TOPIC = LambdaStack.get().createTopic("speed-events", PARTITIONS,
            Map.of("message.timestamp.type", "LogAppendTime"));
    static final ServingKeys KEYS = new ServingKeys(LambdaStack.get().newKeyPrefix());

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws java.io.IOException {
        String stateDir = Files.createTempDirectory("speed-state").toString();
        StackProperties.of(LambdaStack.get()).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("lambda.events.name", () -> TOPIC);
        registry.add("lambda.events.partitions", () -> PARTITIONS);
        registry.add("lambda.serving.key-prefix", KEYS::prefix);
        registry.add("lambda.slot", () -> "10s");
        registry.add("lambda.views.location", () -> "classpath:speed-views.yml");
        registry.add("lambda.speed.application-id", () -> "speed-test-" + UUID.randomUUID());
        registry.add("lambda.speed.state-dir", () -> stateDir);
        registry.add("lambda.speed.lag-interval", () -> "500ms");
    }
}
