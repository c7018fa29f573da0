package io.lambda.speed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.lambda.core.config.SketchProperties;
import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.core.redis.SlotLengthRecord;
import io.lambda.core.redis.VersionRegistry;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.serving.ServingProperties;
import io.lambda.core.time.SlotProperties;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewDefinition;
import io.lambda.core.view.ViewsProperties;
import io.lambda.speed.publish.RedisPartialWriter;
import io.lambda.speed.topology.SpeedMetrics;
import io.lambda.speed.topology.SpeedSettings;
import io.lambda.speed.topology.SpeedTopology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the speed topology: at start verifies the slot length, registers and chooses the view versions, makes sure the
 * topics exist, then starts Kafka Streams ({@code exactly_once_v2}) and the lag gauges; stops them at shutdown.
 */
public final class SpeedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SpeedStreams.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final SpeedProperties speed;
    private final EventTopicProperties topic;
    private final SlotProperties slot;
    private final SketchProperties sketches;
    private final ViewsProperties views;
    private final ServingProperties serving;
    private final KafkaProperties kafka;
    private final SpeedRedisConnections redis;
    private final MeterRegistry registry;
    private volatile @Nullable KafkaStreams streams;
    private volatile @Nullable SpeedLag lag;
    private volatile List<ViewDefinition> active = List.of();

    SpeedStreams(SpeedProperties speed, EventTopicProperties topic, SlotProperties slot, SketchProperties sketches,
            ViewsProperties views, ServingProperties serving, KafkaProperties kafka, SpeedRedisConnections redis,
            MeterRegistry registry) {
        this.speed = speed;
        this.topic = topic;
        this.slot = slot;
        this.sketches = sketches;
        this.views = views;
        this.serving = serving;
        this.kafka = kafka;
        this.redis = redis;
        this.registry = registry;
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            Gauge.builder("lambda.speed.streams.state", this, s -> s.state() == state ? 1 : 0).tag("state",
                    state.name()).description("1 for the Kafka Streams state the service is in").register(registry);
        }
    }

    @Override
    public void start() {
        ServingKeys keys = serving.keys();
        SlotLengthRecord.verify(redis.sync(), keys, slot.slots());
        int partitions;
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            partitions = ensureTopics(admin);
        }
        active = ActiveVersions.resolve(new VersionRegistry(redis.sync(), keys), ViewCatalogLoader.load(views),
                partitions, Instant.now());
        SpeedSettings settings = new SpeedSettings(topic.name(), active, sketches.settings(), slot.slots(),
                speed.dedupWindow(), speed.flushInterval(), speed.cleanupInterval(), speed.cleanupGrace());
        StreamsBuilder builder = new StreamsBuilder();
        SpeedTopology.buildTopology(builder, settings, new RedisPartialWriter(redis.async(), keys,
                speed.redisTimeout()), new SpeedMetrics(registry));
        KafkaStreams started = new KafkaStreams(builder.build(), streamsConfig());
        started.setUncaughtExceptionHandler(e -> {
            log.error("Speed stream thread failed; replacing it (its tasks restart from their last commit)", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        started.setStateListener((now, before) -> log.info("Kafka Streams state {} -> {}", before, now));
        new KafkaStreamsMetrics(started).bindTo(registry);
        streams = started;
        started.start();
        SpeedLag monitor = new SpeedLag(kafka.buildAdminProperties(), redis.sync(), keys, topic.name(), active,
                registry);
        monitor.start(speed.lagInterval());
        lag = monitor;
        log.info("Speed layer started: topic={} partitions={} versions={}", topic.name(), partitions,
                active.stream().map(v -> v.name() + ":" + v.version()).toList());
    }

    /** Creates the event topic (LogAppendTime) and its dead-letter topic when absent; returns the partition count. */
    private int ensureTopics(Admin admin) {
        try {
            create(admin, new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor())
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")));
            TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic.name());
            int partitions = description.partitions().size();
            create(admin, new NewTopic(topic.name() + ".dlt", partitions, topic.replicationFactor()));
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted checking topic " + topic.name(), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not check topic " + topic.name(), e);
        }
    }

    private static void create(Admin admin, NewTopic newTopic) throws InterruptedException,
            java.util.concurrent.TimeoutException, ExecutionException {
        try {
            admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            log.info("Created topic {}", newTopic.name());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private Properties streamsConfig() {
        Properties config = new Properties();
        config.putAll(kafka.buildStreamsProperties());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, speed.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, speed.commitInterval().toMillis());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, speed.numStandbyReplicas());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, speed.streamThreads());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        if (speed.stateDir() != null) {
            config.put(StreamsConfig.STATE_DIR_CONFIG, speed.stateDir());
        }
        return config;
    }

    /** The Kafka Streams state, null before start. */
    public KafkaStreams.@Nullable State state() {
        KafkaStreams current = streams;
        return current == null ? null : current.state();
    }

    /** The view versions computed. */
    public List<ViewDefinition> active() {
        return new ArrayList<>(active);
    }

    @Override
    public void stop() {
        SpeedLag monitor = lag;
        if (monitor != null) {
            monitor.close();
        }
        KafkaStreams current = streams;
        if (current != null) {
            current.close(Duration.ofSeconds(30));
        }
    }

    @Override
    public boolean isRunning() {
        KafkaStreams current = streams;
        return current != null && current.state().isRunningOrRebalancing();
    }
}
