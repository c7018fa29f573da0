package io.lambda.speed.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewDefinition;
import io.lambda.speed.SpeedRedis;
import io.lambda.speed.publish.RedisPartialWriter;
import io.lambda.speed.store.CellStore;
import io.lambda.test.LambdaStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The production topology on a {@link TopologyTestDriver}, flushing into the stack's real Redis. */
final class TopologyRig implements AutoCloseable {

    static final String TOPIC = "lambda.events";
    static final Duration FLUSH = Duration.ofMillis(200);
    static final Duration CLEANUP = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofMinutes(1);
    static final IngestSlots SLOTS = IngestSlots.ofDefault();

    static final String VIEWS = """
            views:
              - name: pages
                event-type: pageview
                dimensions: [url, country]
                granularities: [minute, hour]
                metrics:
                  views: count
                  visitors: distinct(userId)
                  time: sum(durationMs)
                  fastest: min(durationMs)
                  slowest: max(durationMs)
                  mean: avg(durationMs)
                  p95: quantiles(durationMs)
                  countries: top(country)
              - name: pro-signups
                event-type: signup
                where: {plan: pro}
                granularities: [hour]
                metrics:
                  signups: count
            """;

    static final List<ViewDefinition> DEFINITIONS = ViewCatalogLoader.parse(VIEWS, "test").views();

    final ServingKeys keys;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SpeedSettings settings;
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> input;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    private final EventAvroCodec codec = new EventAvroCodec();
    private final Path stateDir;

    TopologyRig(Duration dedupWindow) {
        this(dedupWindow, new ServingKeys(LambdaStack.get().newKeyPrefix()));
    }

    TopologyRig(Duration dedupWindow, ServingKeys keys) {
        this.keys = keys;
        settings = new SpeedSettings(TOPIC, DEFINITIONS, SketchSettings.DEFAULTS, SLOTS, dedupWindow, FLUSH, CLEANUP,
                GRACE);
        StreamsBuilder builder = new StreamsBuilder();
        SpeedTopology.buildTopology(builder, settings,
                new RedisPartialWriter(SpeedRedis.bytes().async(), keys, Duration.ofSeconds(10)),
                new SpeedMetrics(registry));
        try {
            stateDir = Files.createTempDirectory("speed-driver");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "speed-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config, Instant.parse("2026-11-24T10:00:00Z"));
        input = driver.createInputTopic(TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(TOPIC + ".dlt", new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Appends an event at {@code logAppendTime}. */
    void send(Event event, Instant logAppendTime) {
        input.pipeInput(event.id().getBytes(), codec.encode(event), logAppendTime);
    }

    void sendRaw(byte[] key, byte[] value, Instant logAppendTime) {
        input.pipeInput(key, value, logAppendTime);
    }

    /** Runs one flush punctuation. */
    void flush() {
        driver.advanceWallClockTime(FLUSH);
    }

    CellStore cells() {
        return (CellStore) driver.getStateStore(SpeedTopology.CELL_STORE);
    }

    double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
