package io.lambda.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.merge.Layer;
import io.lambda.core.merge.ReadPlan;
import io.lambda.core.merge.SeriesPoint;
import io.lambda.core.merge.StoredCell;
import io.lambda.core.merge.ViewMerger;
import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;
import io.lambda.test.LambdaStack;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The speed service on a real broker and Redis: after the lag reaches 0, the partials of every partition and slot,
 * merged, equal the aggregates of the deduplicated events; and again after Redis lost everything.
 */
class SpeedIntegrationTests extends AbstractSpeedIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    SpeedStreams streams;

    private final EventAvroCodec codec = new EventAvroCodec();
    private final Random random = new Random(7);
    private final Map<String, Event> unique = new HashMap<>();
    private int next;

    @Test
    void shouldMatchTheDeduplicatedEventsAcrossPartitionsAndSlotsAndAgainAfterRedisLostItsData() {
        produce(300);
        Instant nextSlot = Instant.ofEpochSecond((Instant.now().getEpochSecond() / 10 + 1) * 10);
        Awaitility.await("the next 10 s slot").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> !Instant.now().isBefore(nextSlot));
        produce(300);

        awaitLagZero();
        assertExact();

        SpeedRedis.strings().flushall();
        produce(150);

        awaitLagZero();
        assertExact();
    }

    private void produce(int count) {
        try (KafkaProducer<String, byte[]> producer = LambdaStack.get().newProducer()) {
            for (int i = 0; i < count; i++) {
                Event event;
                if (!unique.isEmpty() && random.nextInt(10) == 0) {
                    event = new ArrayList<>(unique.values()).get(random.nextInt(unique.size())); // a repeated id
                } else {
                    event = event("it-" + next++);
                    unique.put(event.id(), event);
                }
                producer.send(new ProducerRecord<>(TOPIC, event.id(), codec.encode(event)));
            }
            producer.flush();
        }
    }

    private Event event(String id) {
        Instant at = Instant.now().minusSeconds(random.nextInt(7200)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String country = List.of("DE", "FR", "US").get(random.nextInt(3));
        return switch (random.nextInt(3)) {
            case 0 -> Event.of(id, "pageview", at, Map.of("url", "/p" + random.nextInt(5), "userId",
                    "u" + random.nextInt(50), "durationMs", random.nextInt(10_000), "country", country));
            case 1 -> Event.of(id, "click", at, Map.of("button", "b" + random.nextInt(4), "price",
                    random.nextInt(1000) / 10.0));
            default -> Event.of(id, "signup", at, Map.of("plan", random.nextBoolean() ? "pro" : "free", "country",
                    country, "userId", "u" + random.nextInt(50)));
        };
    }

    private void awaitLagZero() {
        Awaitility.await("speed lag 0").atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                request.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            var ends = LambdaStack.get().admin().listOffsets(request).all().get(10, TimeUnit.SECONDS);
            for (ViewDefinition view : streams.active()) {
                for (int p = 0; p < PARTITIONS; p++) {
                    assertThat(SpeedRedis.offset(KEYS, ViewVersion.of(view), p)).as("%s partition %d", view.name(), p)
                            .isEqualTo(ends.get(new TopicPartition(TOPIC, p)).offset());
                }
            }
        });
    }

    private void assertExact() {
        assertThat(streams.active()).extracting(ViewDefinition::name).containsExactly("pageviews", "clicks",
                "signups");
        for (ViewDefinition view : streams.active()) {
            ViewVersion version = ViewVersion.of(view);
            AggregateMonoid monoid = new AggregateMonoid(view.metrics(), SketchSettings.DEFAULTS);
            Cells expected = new Cells();
            ViewFold fold = new ViewFold(List.of(view), SketchSettings.DEFAULTS);
            unique.values().forEach(event -> fold.add(event, CellKey.NO_SLOT, expected));
            Map<CellKey, Aggregate> merged = new HashMap<>();
            List<StoredCell> stored = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                SpeedRedis.partials(KEYS, version, p).forEach((key, bytes) -> {
                    merged.merge(key.withoutSlot(), monoid.deserialize(bytes), monoid::combine);
                    if (key.granularity() == view.finestGranularity() && key.rollup().isNone()) {
                        stored.add(StoredCell.speed(key.partialField(), bytes));
                    }
                });
            }
            assertThat(merged.keySet()).as(view.name()).isEqualTo(expected.all().keySet());
            expected.all().forEach((key, aggregate) -> assertSameResults(monoid, aggregate, merged.get(key)));

            Instant now = Instant.now();
            Granularity finest = view.finestGranularity();
            Instant from = finest.bucketStart(now.minus(Duration.ofHours(3)));
            Instant to = finest.bucketStart(now).plus(finest.duration());
            ReadPlan plan = ReadPlan.series(view, finest, Map.of(), from, to, now.minus(Duration.ofHours(1)), to);
            List<SeriesPoint> series = new ViewMerger(view, monoid).series(plan, Map.of(), Layer.SPEED, null, stored);
            long total = series.stream().mapToLong(point -> ((Number) monoid.result(point.aggregate(),
                    view.metrics().get(0).name(), ResultOptions.DEFAULTS)).longValue()).sum();
            assertThat(total).as("%s events in the series", view.name())
                    .isEqualTo(unique.values().stream().filter(view::matches).count());
        }
    }

    private static void assertSameResults(AggregateMonoid monoid, Aggregate expected, Aggregate actual) {
        Map<String, Object> want = monoid.results(expected, ResultOptions.DEFAULTS);
        Map<String, Object> got = monoid.results(actual, ResultOptions.DEFAULTS);
        want.forEach((metric, value) -> {
            if (value instanceof Double d && got.get(metric) instanceof Double g) {
                assertThat(g).as(metric).isCloseTo(d, within(Math.max(1e-9, Math.abs(d) * 0.02)));
            } else {
                assertThat(got.get(metric)).as(metric).isEqualTo(value);
            }
        });
    }
}
