package io.lambda.test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Kafka, Redis and S3-compatible infrastructure, started once per test JVM and stopped when
 * the JVM exits. Tests isolate themselves with {@link #createTopic unique topics},
 * {@link #newKeyPrefix() Redis key prefixes} and {@link #newBucket() buckets}; nothing is restarted.
 *
 * <p>Use {@link #get()} (e.g. in a Spring {@code @DynamicPropertySource} method) or annotate a test
 * class with {@link LambdaStackTest} and take a {@code LambdaStack} parameter.
 */
public final class LambdaStack {

    private static final Logger log = LoggerFactory.getLogger(LambdaStack.class);
    private static final Pattern NAME_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private static @Nullable LambdaStack instance;
    private static @Nullable RuntimeException startFailure;

    private final Infrastructure infrastructure;
    private final Duration startupTime;
    private boolean stopped;
    private @Nullable Admin admin;

    private LambdaStack(Infrastructure infrastructure, Duration startupTime) {
        this.infrastructure = infrastructure;
        this.startupTime = startupTime;
    }

    /**
     * The stack of this JVM, started on first use (see {@link Infrastructure#SELECTOR_PROPERTY}).
     * If starting failed, every later call fails fast with the same cause.
     */
    public static synchronized LambdaStack get() {
        if (instance != null) {
            return instance;
        }
        if (startFailure instanceof org.opentest4j.TestAbortedException skipped) {
            throw skipped; // e.g. the Testcontainers path without a Docker engine: every later test skips too
        }
        if (startFailure != null) {
            throw new IllegalStateException("LambdaStack failed to start earlier in this JVM", startFailure);
        }
        long started = System.nanoTime();
        try {
            Infrastructure infrastructure = Infrastructure.start();
            LambdaStack stack = new LambdaStack(infrastructure, Duration.ofNanos(System.nanoTime() - started));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "lambda-stack-shutdown"));
            log.info("LambdaStack started in {} ms: kafka={} redis={} s3={}", stack.startupTime.toMillis(),
                    infrastructure.kafkaBootstrapServers(), infrastructure.redis().uri(), infrastructure.s3().endpoint());
            instance = stack;
            return stack;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    /**
     * Stops the stack of this JVM now, if one was started; later {@link #get()} calls fail. For programs that end
     * with {@code System.exit} (benchmarks): the shutdown hooks run concurrently, and Kafka's own hook deletes the
     * broker's log directory while the broker is still writing its checkpoints, which logs a page of errors.
     */
    public static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
            startFailure = new IllegalStateException("LambdaStack was stopped");
        }
    }

    /** Wall-clock time {@link #get()} took to start the infrastructure. */
    public Duration startupTime() {
        return startupTime;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    // ---- Kafka

    /** Kafka {@code bootstrap.servers}. */
    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** Creates a topic named {@code prefix-<random>} with {@code partitions} partitions and returns its name. */
    public String createTopic(String prefix, int partitions) {
        return createTopic(prefix, partitions, Map.of());
    }

    /** Like {@link #createTopic(String, int)}, with topic configs such as {@code message.timestamp.type}. */
    public String createTopic(String prefix, int partitions, Map<String, String> configs) {
        String name = uniqueName(prefix, "-");
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        try {
            admin().createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            awaitLeaders(name, partitions);
            return name;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("creating topic " + name, e);
        }
    }

    /**
     * The controller acknowledges a new topic before the broker has its metadata; wait until every
     * partition has a leader, so a test's first produce or describe doesn't race the propagation.
     */
    private void awaitLeaders(String topic, int partitions) {
        Awaitility.await("leaders of topic " + topic)
                .atMost(ADMIN_TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(() -> admin().describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                        .get(topic).partitions().stream()
                        .filter(partition -> partition.leader() != null && !partition.leader().isEmpty())
                        .count() == partitions);
    }

    /** A shared admin client on the stack's broker; closed with the stack. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()));
        }
        return admin;
    }

    /** Producer settings for the stack's broker: {@code acks=all}, idempotent. */
    public Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return properties;
    }

    /** Consumer settings for the stack's broker: reads from the earliest offset, no auto-commit. */
    public Map<String, Object> consumerProperties(String groupId) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return properties;
    }

    /** A new producer of {@code String} keys and {@code byte[]} values (the shape of {@code lambda.events}); the caller closes it. */
    public KafkaProducer<String, byte[]> newProducer() {
        return newProducer(new StringSerializer(), new ByteArraySerializer());
    }

    /** A new producer with the given serializers; the caller closes it. */
    public <K, V> KafkaProducer<K, V> newProducer(Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        return new KafkaProducer<>(producerProperties(), keySerializer, valueSerializer);
    }

    /** A new consumer of {@code String} keys and {@code byte[]} values in {@code groupId}; the caller closes it. */
    public KafkaConsumer<String, byte[]> newConsumer(String groupId) {
        return newConsumer(groupId, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A new consumer with the given deserializers; the caller closes it. */
    public <K, V> KafkaConsumer<K, V> newConsumer(String groupId, Deserializer<K> keyDeserializer,
            Deserializer<V> valueDeserializer) {
        return new KafkaConsumer<>(consumerProperties(groupId), keyDeserializer, valueDeserializer);
    }

    // ---- Redis

    public RedisEndpoint redis() {
        return infrastructure.redis();
    }

    /** A key prefix no other test uses, e.g. {@code t-1a2b3c4d:}. */
    public String newKeyPrefix() {
        return "t-" + randomSuffix(8) + ":";
    }

    // ---- S3

    public S3Endpoint s3() {
        return infrastructure.s3();
    }

    /** Creates a new, empty bucket {@code lambda-<random>} and returns the properties to reach it. */
    public ObjectStoreProperties newBucket() {
        ObjectStoreProperties properties = s3().properties(uniqueName("lambda", "-").toLowerCase(Locale.ROOT));
        try (ObjectStore store = ObjectStore.create(properties)) {
            store.ensureBucket();
        }
        return properties;
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping LambdaStack");
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        infrastructure.close();
    }

    private static String uniqueName(String prefix, String separator) {
        Objects.requireNonNull(prefix, "prefix");
        if (!NAME_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must match " + NAME_PREFIX + ": " + prefix);
        }
        return prefix + separator + randomSuffix(12);
    }

    private static String randomSuffix(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }
}
