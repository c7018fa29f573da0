package io.lambda.test;

import java.util.Locale;

/**
 * Running Kafka, Redis and S3-compatible endpoints for tests. {@link LambdaStack} builds on any
 * implementation; nothing else knows which one runs.
 *
 * <p>Selected with the system property {@value #SELECTOR_PROPERTY}: {@code embedded} (default:
 * in-JVM Kafka and s3proxy, a {@code redis-server} child process) or {@code testcontainers} (containers of a
 * Docker engine, see {@link TestcontainersInfrastructure}; without one, the tests that need the stack are skipped).
 */
public interface Infrastructure extends AutoCloseable {

    /** System property choosing the implementation. */
    String SELECTOR_PROPERTY = "lambda.test.infra";

    /** Kafka {@code bootstrap.servers}. */
    String kafkaBootstrapServers();

    RedisEndpoint redis();

    S3Endpoint s3();

    /** Stops everything this instance started; safe to call more than once. */
    @Override
    void close();

    /** Starts the implementation named by {@value #SELECTOR_PROPERTY} (default {@code embedded}). */
    static Infrastructure start() {
        return start(System.getProperty(SELECTOR_PROPERTY, "embedded"));
    }

    /** Starts the named implementation or fails fast when it isn't available. */
    static Infrastructure start(String kind) {
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "", "embedded" -> EmbeddedInfrastructure.start();
            case "testcontainers" -> TestcontainersInfrastructure.start();
            default -> throw new IllegalArgumentException("Unknown " + SELECTOR_PROPERTY + "=" + kind
                    + "; expected embedded or testcontainers");
        };
    }
}
