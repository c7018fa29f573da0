package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import io.lambda.core.event.Event;
import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AggregateMonoidTests {

    private static final List<MetricSpec> SPECS = List.of(
            MetricSpec.count("views"),
            MetricSpec.of("time", MetricKind.SUM, "durationMs"),
            MetricSpec.of("fastest", MetricKind.MIN, "durationMs"),
            MetricSpec.of("slowest", MetricKind.MAX, "durationMs"),
            MetricSpec.of("mean", MetricKind.AVG, "durationMs"),
            MetricSpec.of("visitors", MetricKind.DISTINCT, "userId"),
            MetricSpec.of("p50", MetricKind.QUANTILES, "durationMs"),
            MetricSpec.of("countries", MetricKind.TOP, "country"));
    private static final List<String> EXACT = List.of("views", "time", "fastest", "slowest", "mean");
    private static final double RSE = 1.04 / Math.sqrt(1 << SketchSettings.DEFAULTS.distinctLgK());
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");

    private final AggregateMonoid monoid = new AggregateMonoid(SPECS);

    /** Exact metrics must match exactly on both sides; sketch metrics are held to their error bounds. */
    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsForEveryMetricOfAView() {
        return MonoidLaws.<Aggregate, Event>of(monoid, monoid::add, AggregateMonoidTests::events)
                .equivalence(Equivalence.equalBy(this::exactResults))
                .accuracy(this::assertAccurate)
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .reseeding(KllRandomness::seed)
                .cases(200)
                .dynamicTests();
    }

    @Test
    void shouldReadEachMetricsFieldFromTheEventAttributes() {
        Aggregate aggregate = fold(
                event("a", Map.of("durationMs", 100L, "userId", "u1", "country", "DE")),
                event("b", Map.of("durationMs", 300L, "userId", "u2", "country", "DE")),
                event("c", Map.of("durationMs", 200L, "userId", "u1", "country", "FR")));

        Map<String, @Nullable Object> results = monoid.results(aggregate, ResultOptions.DEFAULTS);

        assertThat(results).containsOnlyKeys(SPECS.stream().map(MetricSpec::name).toList());
        assertThat(results).containsEntry("views", 3L).containsEntry("time", 600L)
                .containsEntry("fastest", 100.0).containsEntry("slowest", 300.0).containsEntry("mean", 200.0)
                .containsEntry("p50", 200.0)
                .containsEntry("countries", List.of(new TopValue("DE", 2), new TopValue("FR", 1)));
        assertThat((Double) results.get("visitors")).isCloseTo(2.0, within(1e-6));
        assertThat(monoid.result(aggregate, "time", ResultOptions.DEFAULTS)).isEqualTo(600L);
    }

    @Test
    void shouldCountEventsWhoseFieldsAreMissingOrNotNumeric() {
        Aggregate aggregate = fold(
                event("a", Map.of()),
                event("b", Map.of("durationMs", "slow", "userId", 7L)),
                event("c", Map.of("durationMs", true, "country", "DE")));

        Map<String, @Nullable Object> results = monoid.results(aggregate, ResultOptions.DEFAULTS);

        assertThat(results.get("views")).isEqualTo(3L);
        assertThat(results.get("time")).isEqualTo(0L);
        assertThat(results.get("fastest")).isNull();
        assertThat(results.get("slowest")).isNull();
        assertThat(results.get("mean")).isNull();
        assertThat(results.get("p50")).isNull();
        assertThat((Double) results.get("visitors")).isCloseTo(1.0, within(1e-6));
        assertThat(results.get("countries")).isEqualTo(List.of(new TopValue("DE", 1)));
    }

    @Test
    void shouldRoundTripTheWholeTupleThroughBytes() {
        Aggregate aggregate = fold(event("a", Map.of("durationMs", 5L, "userId", "u", "country", "DE")));

        Aggregate copy = monoid.deserialize(monoid.serialize(aggregate));

        assertThat(monoid.results(copy, ResultOptions.DEFAULTS))
                .isEqualTo(monoid.results(aggregate, ResultOptions.DEFAULTS));
        assertThat(monoid.serialize(copy)).isEqualTo(monoid.serialize(aggregate));
    }

    @Test
    void shouldRejectBytesWrittenForOtherMetrics() {
        AggregateMonoid other = new AggregateMonoid(List.of(MetricSpec.count("views")));
        byte[] bytes = other.serialize(other.add(other.empty(), event("a", Map.of())));
        AggregateMonoid swapped = new AggregateMonoid(List.of(MetricSpec.of("time", MetricKind.SUM, "durationMs")));

        assertThatIllegalArgumentException().isThrownBy(() -> monoid.deserialize(bytes)).withMessageContaining("1 metric states");
        assertThatIllegalArgumentException().isThrownBy(() -> swapped.deserialize(bytes)).withMessageContaining("Not a sum state");
    }

    private Aggregate fold(Event... events) {
        Aggregate aggregate = monoid.empty();
        for (Event event : events) {
            aggregate = monoid.add(aggregate, event);
        }
        return aggregate;
    }

    private Map<String, @Nullable Object> exactResults(Aggregate aggregate) {
        Map<String, @Nullable Object> results = new LinkedHashMap<>(monoid.results(aggregate, ResultOptions.DEFAULTS));
        results.keySet().retainAll(EXACT);
        return results;
    }

    @SuppressWarnings("unchecked")
    private void assertAccurate(List<Event> events, Aggregate aggregate, String context) {
        List<@Nullable Object> durations = new ArrayList<>();
        List<@Nullable Object> countries = new ArrayList<>();
        Set<String> users = new HashSet<>();
        for (Event event : events) {
            durations.add(event.attributes().get("durationMs"));
            countries.add(event.attributes().get("country"));
            Object user = event.attributes().get("userId");
            if (user != null) {
                users.add(String.valueOf(user));
            }
        }
        LongSummaryStatistics numbers = durations.stream().filter(RandomInputs::isNumeric)
                .mapToLong(value -> ((Number) value).longValue()).summaryStatistics();
        boolean none = numbers.getCount() == 0;
        Map<String, @Nullable Object> expected = new HashMap<>();
        expected.put("views", (long) events.size());
        expected.put("time", numbers.getSum());
        expected.put("fastest", none ? null : (double) numbers.getMin());
        expected.put("slowest", none ? null : (double) numbers.getMax());
        expected.put("mean", none ? null : numbers.getSum() / (double) numbers.getCount());
        assertThat(exactResults(aggregate)).as(context).isEqualTo(expected);

        double visitors = (Double) monoid.result(aggregate, "visitors", ResultOptions.DEFAULTS);
        assertThat(visitors).as("%s: visitors", context)
                .isBetween(users.size() * (1 - 3 * RSE), users.size() * (1 + 3 * RSE));
        QuantilesMonoidTests.assertRankError(durations, (KllDoublesSketch) aggregate.state(6), context + ", p50");
        TopMonoidTests.assertWithinMaximumError(countries, (ItemsSketch<String>) aggregate.state(7), context + ", countries");
    }

    private static List<Event> events(Random random) {
        int users = 1 + random.nextInt(random.nextBoolean() ? 20 : 3_000);
        int length = random.nextInt(5) == 0 ? random.nextInt(1_500) : random.nextInt(30);
        List<Event> events = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Map<String, Object> attributes = new HashMap<>();
            switch (random.nextInt(6)) {
                case 0 -> { }
                case 1 -> attributes.put("durationMs", random.nextBoolean() ? "n/a" : Boolean.FALSE);
                default -> attributes.put("durationMs", (long) random.nextInt(10_000));
            }
            if (random.nextInt(5) != 0) {
                attributes.put("userId", "u" + random.nextInt(users));
            }
            if (random.nextInt(4) != 0) {
                attributes.put("country", List.of("DE", "FR", "US", "BR", "JP", "IN", "NG").get(
                        (int) (7 * Math.pow(random.nextDouble(), 2))));
            }
            events.add(event("e" + random.nextLong(), attributes));
        }
        return events;
    }

    private static Event event(String id, Map<String, Object> attributes) {
        return Event.of(id, "pageview", T0, attributes);
    }
}
