package io.lambda.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same infrastructure as {@link EmbeddedInfrastructure}, in containers of a Docker engine: Apache Kafka (KRaft,
 * one node), Redis, MinIO as the S3 endpoint, and PostgreSQL for a Spring Batch job repository (see
 * {@link #postgres()}). Selected with {@code -Dlambda.test.infra=testcontainers}; the four start in parallel.
 *
 * <p>The images are those of {@code docker/compose.yml}; each can be replaced with a system property
 * ({@value #KAFKA_IMAGE_PROPERTY}, {@value #REDIS_IMAGE_PROPERTY}, {@value #MINIO_IMAGE_PROPERTY},
 * {@value #POSTGRES_IMAGE_PROPERTY}), e.g. for a registry mirror.
 *
 * <p>Without a reachable Docker engine, {@link #start()} throws JUnit's {@link TestAbortedException}: a test that
 * needs the stack is reported as skipped, with the reason, instead of failed.
 */
public final class TestcontainersInfrastructure implements Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestcontainersInfrastructure.class);

    public static final String KAFKA_IMAGE_PROPERTY = "lambda.test.kafka-image";
    public static final String REDIS_IMAGE_PROPERTY = "lambda.test.redis-image";
    public static final String MINIO_IMAGE_PROPERTY = "lambda.test.minio-image";
    public static final String POSTGRES_IMAGE_PROPERTY = "lambda.test.postgres-image";

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String REDIS_IMAGE = "redis:7.4";
    static final String MINIO_IMAGE = "minio/minio:RELEASE.2025-04-22T22-12-26Z";
    static final String POSTGRES_IMAGE = "postgres:16";

    /** Key pair of the MinIO container (MinIO wants a secret of at least 8 characters). */
    public static final String S3_ACCESS_KEY = EmbeddedInfrastructure.S3_ACCESS_KEY;
    public static final String S3_SECRET_KEY = EmbeddedInfrastructure.S3_SECRET_KEY;
    private static final String S3_REGION = "us-east-1";
    private static final int REDIS_PORT = 6379;

    private final KafkaContainer kafka;
    private final GenericContainer<?> redis;
    private final MinIOContainer minio;
    private final PostgreSQLContainer postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestcontainersInfrastructure(KafkaContainer kafka, GenericContainer<?> redis, MinIOContainer minio,
            PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.redis = redis;
        this.minio = minio;
        this.postgres = postgres;
    }

    /** Whether Testcontainers finds a Docker engine (it looks once per JVM and remembers). */
    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /**
     * Starts the four containers and waits until each accepts clients; when one fails, stops the others and rethrows
     * its failure.
     *
     * @throws TestAbortedException when no Docker engine is reachable
     */
    public static TestcontainersInfrastructure start() {
        if (!dockerAvailable()) {
            throw new TestAbortedException(SELECTOR_PROPERTY + "=testcontainers needs a Docker engine and Testcontainers"
                    + " found none (DOCKER_HOST, /var/run/docker.sock, ~/.testcontainers.properties); skipping. Run"
                    + " with " + SELECTOR_PROPERTY + "=embedded (the default) on machines without Docker.");
        }
        // topics are created by the tests (and by ingest at startup), never on first use with broker defaults
        KafkaContainer kafka = new KafkaContainer(image(KAFKA_IMAGE_PROPERTY, KAFKA_IMAGE));
        KafkaKraftBroker.BROKER_PROPERTIES.forEach((name, value) -> kafka.withEnv(environmentName(name), value));
        GenericContainer<?> redis = new GenericContainer<>(image(REDIS_IMAGE_PROPERTY, REDIS_IMAGE))
                .withCommand("redis-server", "--save", "", "--appendonly", "no")
                .withExposedPorts(REDIS_PORT)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
        MinIOContainer minio = new MinIOContainer(image(MINIO_IMAGE_PROPERTY, MINIO_IMAGE))
                .withUserName(S3_ACCESS_KEY)
                .withPassword(S3_SECRET_KEY);
        PostgreSQLContainer postgres = new PostgreSQLContainer(image(POSTGRES_IMAGE_PROPERTY, POSTGRES_IMAGE))
                .withDatabaseName("lambda_batch");
        List<Startable> containers = List.of(kafka, redis, minio, postgres);
        long began = System.nanoTime();
        try {
            Startables.deepStart(containers).join();
        } catch (RuntimeException e) {
            containers.forEach(TestcontainersInfrastructure::stopQuietly);
            throw new IllegalStateException("Testcontainers infrastructure failed to start: " + e.getMessage(), e);
        }
        log.info("Containers ready after {} ms: kafka={} redis={}:{} minio={} postgres={}",
                (System.nanoTime() - began) / 1_000_000, kafka.getBootstrapServers(), redis.getHost(),
                redis.getMappedPort(REDIS_PORT), minio.getS3URL(), postgres.getJdbcUrl());
        return new TestcontainersInfrastructure(kafka, redis, minio, postgres);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public RedisEndpoint redis() {
        return new RedisEndpoint(redis.getHost(), redis.getMappedPort(REDIS_PORT));
    }

    @Override
    public S3Endpoint s3() {
        return new S3Endpoint(URI.create(minio.getS3URL()), S3_REGION, minio.getUserName(), minio.getPassword());
    }

    /** The PostgreSQL database for a Spring Batch job repository (the embedded path has none: batch uses H2 there). */
    public PostgresEndpoint postgres() {
        return new PostgresEndpoint(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Exception> failures = new ArrayList<>();
        for (Startable container : List.of(postgres, minio, redis, kafka)) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("stopping Testcontainers infrastructure");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static DockerImageName image(String property, String defaultImage) {
        return DockerImageName.parse(System.getProperty(property, defaultImage));
    }

    /** The apache/kafka image turns {@code KAFKA_A_B} into the broker property {@code a.b}. */
    static String environmentName(String brokerProperty) {
        return "KAFKA_" + brokerProperty.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    private static void stopQuietly(Startable container) {
        try {
            container.stop();
        } catch (RuntimeException e) {
            log.warn("Stopping {} after a failed start failed", container, e);
        }
    }
}
