package io.lambda.test;

import java.util.Locale;

/**
 * Running Kafka, Redis and S3-compatible endpoints for tests. {@link LambdaStack} builds on any
 * implementation; nothing else knows which one runs.
 *
 * <p>Selected with the system property {@value #SELECTOR_PROPERTY}: {@code embedded} (default:
 * in-JVM Kafka and s3proxy, a {@code redis-server} child process) or {@code testcontainers} (not
 * part of this build).
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
            case "testcontainers" -> throw new IllegalStateException(SELECTOR_PROPERTY + "=testcontainers is not"
                    + " available in this build: Testcontainers is not a dependency of lambda-test. Add an"
                    + " Infrastructure implementation backed by Testcontainers (where a Docker engine exists) or"
                    + " run with " + SELECTOR_PROPERTY + "=embedded.");
            default -> throw new IllegalArgumentException("Unknown " + SELECTOR_PROPERTY + "=" + kind
                    + "; expected embedded or testcontainers");
        };
    }
}
