package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TopMonoidTests {

    private static final TopMonoid MONOID = new TopMonoid(SketchSettings.DEFAULTS.topMaxMapSize());

    private final TopMonoid monoid = MONOID;

    /**
     * The stream weight survives every merge exactly; answers are checked against exact counts within
     * the sketch's own {@code getMaximumError()}, a hard (not probabilistic) bound. Inputs draw from up to
     * 400 values with a skewed distribution, so the 64-slot map has to evict and the bound is non-zero.
     */
    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsWithinTheMaximumError() {
        return MonoidLaws.<ItemsSketch<String>, Object>of(monoid, monoid::add, TopMonoidTests::values)
                .equivalence(Equivalence.equalBy(ItemsSketch::getStreamLength))
                .accuracy(TopMonoidTests::assertWithinMaximumError)
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    @Test
    void shouldListTheMostFrequentValuesLargestFirst() {
        ItemsSketch<String> sketch = monoid.empty();
        for (Object value : List.of("DE", "FR", "DE", 7L, "7", "DE", "FR", Boolean.TRUE)) {
            sketch = monoid.add(sketch, value);
        }

        assertThat(monoid.result(sketch, ResultOptions.DEFAULTS)).containsExactly(
                new TopValue("DE", 3), new TopValue("7", 2), new TopValue("FR", 2), new TopValue("true", 1));
        assertThat(monoid.result(sketch, ResultOptions.DEFAULTS.withTopLimit(2))).containsExactly(
                new TopValue("DE", 3), new TopValue("7", 2));
    }

    @Test
    void shouldAnswerAnEmptyListWithoutValues() {
        ItemsSketch<String> sketch = monoid.add(monoid.empty(), null);

        assertThat(monoid.result(monoid.deserialize(monoid.serialize(sketch)), ResultOptions.DEFAULTS)).isEmpty();
    }

    private static List<@Nullable Object> values(Random random) {
        int universe = 1 + random.nextInt(400);
        double skew = 0.5 + random.nextDouble() * 1.5;
        return RandomInputs.listOf(random, 3_000, r -> {
            int rank = (int) Math.floor(universe * Math.pow(r.nextDouble(), 1 + skew));
            return switch (r.nextInt(10)) {
                case 0 -> null;
                case 1 -> (long) rank;
                default -> "v" + rank;
            };
        });
    }

    static void assertWithinMaximumError(List<@Nullable Object> inputs, ItemsSketch<String> sketch,
            String context) {
        Map<String, Long> truth = new HashMap<>();
        inputs.stream().filter(value -> value != null).forEach(value -> truth.merge(String.valueOf(value), 1L, Long::sum));
        long maxError = sketch.getMaximumError();
        for (Map.Entry<String, Long> entry : truth.entrySet()) {
            assertThat(entry.getValue()).as("%s: true count of %s within the sketch's bounds", context, entry.getKey())
                    .isBetween(sketch.getLowerBound(entry.getKey()), sketch.getUpperBound(entry.getKey()));
        }
        ResultOptions options = ResultOptions.DEFAULTS;
        List<TopValue> top = MONOID.result(sketch, options);
        assertThat(top).as(context).hasSizeLessThanOrEqualTo(options.topLimit())
                .isSortedAccordingTo(Comparator.comparingLong(TopValue::count).reversed().thenComparing(TopValue::value));
        for (TopValue entry : top) {
            long exact = truth.getOrDefault(entry.value(), 0L);
            assertThat(entry.count()).as("%s: count of %s (true %s, max error %s)", context, entry.value(), exact, maxError)
                    .isBetween(exact, exact + maxError);
        }
        // no false negatives: a value more frequent than the error bound and than the last listed one is listed
        long floor = top.size() == options.topLimit() ? Math.max(maxError, top.get(top.size() - 1).count()) : maxError;
        List<String> listed = top.stream().map(TopValue::value).toList();
        truth.forEach((value, count) -> {
            if (count > floor) {
                assertThat(listed).as("%s: %s with true count %s > %s", context, value, count, floor).contains(value);
            }
        });
    }
}
