package io.lambda.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;

/**
 * One batch service's slice of the stack: its own event topic (LogAppendTime, like the real one), bucket, Redis
 * prefix and in-memory job repository, and the Spring properties that point the service at them.
 */
public final class BatchStack {

    public final LambdaStack stack = LambdaStack.get();
    public final int partitions;
    public final String topic;
    public final ObjectStoreProperties bucket;
    public final String prefix;
    public final String database;

    public BatchStack(int partitions) {
        this.partitions = partitions;
        this.topic = stack.createTopic("batch", partitions, Map.of("message.timestamp.type", "LogAppendTime"));
        this.bucket = stack.newBucket();
        this.prefix = stack.newKeyPrefix();
        this.database = "jobrepo-" + UUID.randomUUID();
    }

    /** The service's properties; {@code overrides} win. */
    public Map<String, Object> properties(Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(StackProperties.of(stack, bucket));
        properties.put("lambda.events.name", topic);
        properties.put("lambda.serving.key-prefix", prefix);
        properties.put("lambda.views.location", "classpath:batch-views.yml");
        properties.put("lambda.batch.schedule-enabled", "false");
        properties.put("lambda.batch.cleanup-grace", "0s");
        properties.put("lambda.batch.recover-after", "0s");
        properties.put("lambda.batch.chunk-size", "50");
        properties.put("spring.datasource.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        properties.putAll(overrides);
        return properties;
    }
}
