package io.lambda.ingest;

import java.util.Map;
import java.util.UUID;

import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Wires an ingest context to the JVM's {@link LambdaStack} with a topic and Redis prefix of its own. */
public final class IngestTestProperties {

    public static final int PARTITIONS = 3;

    private IngestTestProperties() {
    }

    /** A topic name no other test uses; ingest creates it at startup. */
    public static String newTopicName() {
        return "events-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /**
     * Timeouts for a loaded test machine, where a stall of a fraction of a second would make the defaults (a 250 ms
     * dedup check, a 5 s produce) treat a repeated id as new or answer 503; tests about those timeouts set their own.
     */
    public static final Map<String, String> PATIENT_TIMEOUTS = Map.of(
            "lambda.ingest.dedup-timeout", "10s",
            "lambda.ingest.produce-timeout", "30s");

    /** Kafka and Redis of the stack, the given topic ({@value #PARTITIONS} partitions) and Redis prefix. */
    public static void register(DynamicPropertyRegistry registry, String topic, String redisPrefix) {
        LambdaStack stack = LambdaStack.get();
        StackProperties.of(stack).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("lambda.events.name", () -> topic);
        registry.add("lambda.events.partitions", () -> PARTITIONS);
        registry.add("lambda.serving.key-prefix", () -> redisPrefix);
    }
}
