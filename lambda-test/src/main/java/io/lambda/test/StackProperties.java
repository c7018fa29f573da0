package io.lambda.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.lambda.core.store.ObjectStoreProperties;

/**
 * The Spring Boot properties that point a service at a {@link LambdaStack}: the one place that names them, for
 * tests ({@code properties.forEach((name, value) -> registry.add(name, () -> value))} in a
 * {@code @DynamicPropertySource}), benchmarks and the local platform.
 */
public final class StackProperties {

    private StackProperties() {
    }

    /** The stack's Kafka broker ({@code spring.kafka.bootstrap-servers}) and Redis ({@code spring.data.redis.*}). */
    public static Map<String, Object> of(LambdaStack stack) {
        return of(stack.kafkaBootstrapServers(), stack.redis());
    }

    /** A Kafka broker ({@code spring.kafka.bootstrap-servers}) and Redis ({@code spring.data.redis.*}). */
    public static Map<String, Object> of(String kafkaBootstrapServers, RedisEndpoint redis) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.data.redis.host", redis.host());
        properties.put("spring.data.redis.port", redis.port());
        return properties;
    }

    /**
     * {@link #of(LambdaStack)} and the object store ({@code lambda.store.*}) of {@code bucket}, for a service that
     * archives into it: the stack's broker is alone, so a record is visible to consumers once appended and the
     * archiver needs no replication-lag margin ({@code lambda.archive.replication-lag-margin=0s}).
     */
    public static Map<String, Object> of(LambdaStack stack, ObjectStoreProperties bucket) {
        return of(stack.kafkaBootstrapServers(), stack.redis(), bucket);
    }

    /** {@link #of(String, RedisEndpoint)} and the object store of {@code bucket}, as {@link #of(LambdaStack, ObjectStoreProperties)}. */
    public static Map<String, Object> of(String kafkaBootstrapServers, RedisEndpoint redis, ObjectStoreProperties bucket) {
        Map<String, Object> properties = of(kafkaBootstrapServers, redis);
        putIfPresent(properties, "lambda.store.endpoint", bucket.endpoint());
        properties.put("lambda.store.region", bucket.region());
        properties.put("lambda.store.bucket", bucket.bucket());
        properties.put("lambda.store.path-style-access", bucket.pathStyleAccess());
        putIfPresent(properties, "lambda.store.access-key", bucket.accessKey());
        putIfPresent(properties, "lambda.store.secret-key", bucket.secretKey());
        properties.put("lambda.archive.replication-lag-margin", "0s");
        return properties;
    }

    /**
     * {@code properties} as command-line arguments ({@code --name=value}) for starting a Spring Boot application
     * in-process: arguments win over {@code application.yml}, while {@code SpringApplicationBuilder.properties} are
     * only defaults that it overrides.
     */
    public static String[] asArguments(Map<String, ?> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static void putIfPresent(Map<String, Object> properties, String name, @Nullable Object value) {
        if (value != null) {
            properties.put(name, value.toString());
        }
    }
}
