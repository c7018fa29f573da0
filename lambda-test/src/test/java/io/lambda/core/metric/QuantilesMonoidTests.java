package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class QuantilesMonoidTests {

    private static final double[] RANKS = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0};

    private static final QuantilesMonoid MONOID = new QuantilesMonoid(SketchSettings.DEFAULTS.quantilesK());

    private final QuantilesMonoid monoid = MONOID;

    /**
     * n, min and max survive every merge exactly; the answers are checked against the exact sorted
     * input: the true rank of the value returned for q lies within the sketch's
     * {@code getNormalizedRankError(false)} of q.
     */
    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsWithinTheRankError() {
        return MonoidLaws.<KllDoublesSketch, Object>of(monoid, monoid::add, QuantilesMonoidTests::values)
                .equivalence(Equivalence.equalBy(QuantilesMonoidTests::exactInvariants))
                .accuracy(QuantilesMonoidTests::assertRankError)
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .reseeding(KllRandomness::seed)
                .dynamicTests();
    }

    @Test
    void shouldAnswerTheValueAtTheRequestedRank() {
        KllDoublesSketch sketch = monoid.empty();
        for (Object value : List.of(4L, 1.0, 3, 2L, "5", Boolean.TRUE)) {
            sketch = monoid.add(sketch, value);
        }

        assertThat(monoid.result(sketch, ResultOptions.DEFAULTS)).isEqualTo(2.0);
        assertThat(monoid.result(sketch, ResultOptions.DEFAULTS.withQ(1.0))).isEqualTo(4.0);
        assertThat(monoid.result(sketch, ResultOptions.DEFAULTS.withQ(0.0))).isEqualTo(1.0);
    }

    @Test
    void shouldAnswerNullWhenEmpty() {
        KllDoublesSketch sketch = monoid.add(monoid.empty(), null);

        assertThat(monoid.result(monoid.deserialize(monoid.serialize(sketch)), ResultOptions.DEFAULTS)).isNull();
    }

    private static List<@Nullable Object> values(Random random) {
        double scale = Math.pow(10, random.nextInt(7) - 3);
        int distinct = 1 + random.nextInt(5_000);
        return RandomInputs.listOf(random, 3_000, r -> switch (r.nextInt(10)) {
            case 0 -> RandomInputs.ignored(r);
            case 1 -> (long) r.nextInt(distinct);
            case 2 -> Math.exp(r.nextGaussian()) * scale;
            default -> r.nextGaussian() * scale;
        });
    }

    private static List<Object> exactInvariants(KllDoublesSketch sketch) {
        return sketch.isEmpty() ? List.of(0L) : List.of(sketch.getN(), sketch.getMinItem(), sketch.getMaxItem());
    }

    static void assertRankError(List<@Nullable Object> inputs, KllDoublesSketch sketch, String context) {
        double[] sorted = inputs.stream().filter(RandomInputs::isNumeric)
                .mapToDouble(value -> ((Number) value).doubleValue()).sorted().toArray();
        if (sorted.length == 0) {
            assertThat(sketch.isEmpty()).as(context).isTrue();
            return;
        }
        double epsilon = sketch.getNormalizedRankError(false);
        for (double q : RANKS) {
            double value = (Double) MONOID.result(sketch, ResultOptions.DEFAULTS.withQ(q));
            int position = Arrays.binarySearch(sorted, value);
            assertThat(position).as("%s: %s at rank %s is one of the inputs", context, value, q).isNotNegative();
            // with ties, the value's true rank is an interval: (values below it, values up to it] / n
            double lowRank = (double) countBelow(sorted, value) / sorted.length;
            double highRank = (double) countUpTo(sorted, value) / sorted.length;
            double distance = q < lowRank ? lowRank - q : Math.max(0, q - highRank);
            assertThat(distance).as("%s: rank distance of %s for q=%s (n=%s)", context, value, q, sorted.length)
                    .isLessThanOrEqualTo(epsilon);
        }
    }

    private static int countBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int countUpTo(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
