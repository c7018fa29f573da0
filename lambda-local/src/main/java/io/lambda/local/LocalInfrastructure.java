package io.lambda.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.test.EmbeddedInfrastructure;
import io.lambda.test.RedisEndpoint;
import io.lambda.test.RedisExecutable;
import io.lambda.test.RedisServerProcess;
import io.lambda.test.S3ProxyServer;

/**
 * The local platform's infrastructure, kept under its data directory so stopping and starting again loses nothing: a
 * Kafka broker (KRaft) as its own process ({@link KafkaBrokerMain}, log in {@code kafka/}), redis-server with
 * append-only persistence ({@code redis/}) and the S3 endpoint's filesystem backend ({@code s3/}, bucket
 * {@code lambda}). Unlike the tests' {@code LambdaStack}, which starts everything empty on free ports.
 */
final class LocalInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);
    private static final String BUCKET = "lambda";

    private final ServiceProcess kafka;
    private final RedisServerProcess redis;
    private final S3ProxyServer s3;
    private final String bootstrap;

    private LocalInfrastructure(ServiceProcess kafka, String bootstrap, RedisServerProcess redis, S3ProxyServer s3) {
        this.kafka = kafka;
        this.bootstrap = bootstrap;
        this.redis = redis;
        this.s3 = s3;
    }

    /**
     * Starts the three on fixed ports (Kafka {@code kafkaPort} and {@code kafkaPort + 1} for its controller, Redis
     * {@code redisPort}); the S3 endpoint takes a free port.
     */
    static LocalInfrastructure start(PlatformSettings settings, int kafkaPort, int redisPort) {
        Path data = settings.dataDirectory();
        ServiceProcess kafka = new ServiceProcess("kafka", settings.jar("lambda-local"),
                List.of("-Xmx512m", "-Dloader.main=" + KafkaBrokerMain.class.getName()), List.of(),
                data.resolve("logs/kafka.log"), kafkaPort, kafkaPort + 1);
        kafka.startMain("org.springframework.boot.loader.launch.PropertiesLauncher",
                List.of(data.resolve("kafka").toString(), Integer.toString(kafkaPort), Integer.toString(kafkaPort + 1)));
        String bootstrap = "127.0.0.1:" + kafkaPort;
        RedisServerProcess redis = null;
        try {
            redis = RedisServerProcess.start(RedisExecutable.locate(), data.resolve("redis"), redisPort,
                    List.of("--appendonly", "yes", "--appendfsync", "everysec", "--hash-max-ziplist-value", "4096"));
            S3ProxyServer s3 = S3ProxyServer.start(data.resolve("s3"), EmbeddedInfrastructure.S3_ACCESS_KEY,
                    EmbeddedInfrastructure.S3_SECRET_KEY);
            awaitKafka(kafka, bootstrap, kafkaPort);
            LocalInfrastructure started = new LocalInfrastructure(kafka, bootstrap, redis, s3);
            try (ObjectStore store = ObjectStore.create(started.bucket())) {
                store.ensureBucket();
            }
            return started;
        } catch (RuntimeException e) {
            kafka.stop();
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }

    private static void awaitKafka(ServiceProcess kafka, String bootstrap, int port) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        // first the listener, so the admin client does not log a refused connection each second while the JVM starts
        while (System.nanoTime() < deadline && !accepts(port)) {
            if (!kafka.isAlive()) {
                throw new IllegalStateException("Kafka exited; its log ends:\n" + kafka.logTail(30));
            }
            try {
                Thread.sleep(250); // the poll interval of a bounded wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000))) {
            while (System.nanoTime() < deadline) {
                if (!kafka.isAlive()) {
                    throw new IllegalStateException("Kafka exited; its log ends:\n" + kafka.logTail(30));
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    log.info("Kafka (KRaft) ready at {}", bootstrap);
                    return;
                } catch (Exception notYet) {
                    // the broker is still starting
                }
            }
        }
        throw new IllegalStateException("Kafka was not ready within 5 minutes; its log ends:\n" + kafka.logTail(30));
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    String kafkaBootstrapServers() {
        return bootstrap;
    }

    RedisEndpoint redis() {
        return redis.endpoint();
    }

    ObjectStoreProperties bucket() {
        return s3.endpoint().properties(BUCKET);
    }

    /** Stops S3, Redis (its append-only file is synced on shutdown) and the broker, in that order. */
    @Override
    public void close() {
        s3.close();
        redis.close();
        kafka.stop();
    }
}
