package io.lambda.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka and s3proxy inside this JVM plus a {@code redis-server} child process, all on free ports
 * of 127.0.0.1 and all data in one temporary directory. The three start in parallel.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /** Fixed key pair the embedded S3 endpoint accepts. */
    public static final String S3_ACCESS_KEY = "lambda-test";
    public static final String S3_SECRET_KEY = "lambda-test-secret";

    private final Path root;
    private final KafkaKraftBroker kafka;
    private final RedisServerProcess redis;
    private final S3ProxyServer s3;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedInfrastructure(Path root, KafkaKraftBroker kafka, RedisServerProcess redis, S3ProxyServer s3) {
        this.root = root;
        this.kafka = kafka;
        this.redis = redis;
        this.s3 = s3;
    }

    /** Starts all three; when one fails, stops the others and rethrows its failure. */
    public static EmbeddedInfrastructure start() {
        Path root = createRoot();
        ExecutorService pool = Executors.newFixedThreadPool(3, daemonThreads());
        CompletableFuture<KafkaKraftBroker> kafka = async("kafka", KafkaKraftBroker::start, pool);
        CompletableFuture<RedisServerProcess> redis = async("redis", () -> RedisServerProcess.start(root.resolve("redis")), pool);
        CompletableFuture<S3ProxyServer> s3 = async("s3",
                () -> S3ProxyServer.start(root.resolve("s3"), S3_ACCESS_KEY, S3_SECRET_KEY), pool);
        try {
            CompletableFuture.allOf(kafka, redis, s3).join();
            return new EmbeddedInfrastructure(root, kafka.join(), redis.join(), s3.join());
        } catch (CompletionException e) {
            // allOf completes only after all three did, so everything that started can be stopped here
            Stream.of(kafka, redis, s3)
                    .filter(f -> !f.isCompletedExceptionally())
                    .map(CompletableFuture::join)
                    .forEach(EmbeddedInfrastructure::closeQuietly);
            deleteRecursively(root);
            throw new IllegalStateException("Embedded infrastructure failed to start: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public RedisEndpoint redis() {
        return redis.endpoint();
    }

    @Override
    public S3Endpoint s3() {
        return s3.endpoint();
    }

    /** The redis-server child process (for tests of the process itself). */
    public RedisServerProcess redisProcess() {
        return redis;
    }

    /** Directory holding all data of this instance; deleted by {@link #close()}. */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> parts = List.of(s3, redis, kafka);
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        deleteRecursively(root);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("stopping embedded infrastructure");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static <T> CompletableFuture<T> async(String name, Supplier<T> start, ExecutorService pool) {
        return CompletableFuture.supplyAsync(() -> {
            long began = System.nanoTime();
            T started = start.get();
            log.info("{} ready after {} ms", name, (System.nanoTime() - began) / 1_000_000);
            return started;
        }, pool);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "lambda-stack-start-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("lambda-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating the stack's temporary directory", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Stopping {} after a failed start failed", closeable, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}", dir, e);
        }
    }
}
