package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.apache.datasketches.hll.HllSketch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DistinctMonoidTests {

    private static final int LG_K = SketchSettings.DEFAULTS.distinctLgK();
    /** The sketch's documented relative standard error, 1.04 / sqrt(2^lgK). */
    private static final double RSE = 1.04 / Math.sqrt(1 << LG_K);

    private final DistinctMonoid monoid = new DistinctMonoid(LG_K);

    /**
     * Sides of a law are compared through the exact count of their inputs: each estimate must lie within
     * 3 × RSE of the true distinct count (a 99.7 % bound per independent sketch; the fixed seed keeps
     * the run reproducible). Inputs reach a few thousand distinct values, well into estimation mode.
     */
    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsWithinThreeStandardErrors() {
        return MonoidLaws.<HllSketch, Object>of(monoid, monoid::add, DistinctMonoidTests::values)
                .equivalence(Equivalence.<HllSketch>equalBy(HllSketch::isEmpty)
                        .and(Equivalence.closeBy(HllSketch::getEstimate, 6 * RSE, 0.0)))
                .accuracy((inputs, state, context) -> {
                    double truth = distinctStrings(inputs);
                    assertThat(monoid.result(state, ResultOptions.DEFAULTS))
                            .as("%s: estimate for %s distinct values", context, truth)
                            .isBetween(truth - 3 * RSE * truth, truth + 3 * RSE * truth);
                })
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    @Test
    void shouldCountValuesByTheirStringForm() {
        HllSketch sketch = monoid.empty();
        for (Object value : List.of("42", 42L, 42, "u-1", Boolean.TRUE, "true")) {
            sketch = monoid.add(sketch, value);
        }

        assertThat(monoid.result(sketch, ResultOptions.DEFAULTS)).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void shouldIgnoreMissingValues() {
        HllSketch sketch = monoid.add(monoid.empty(), null);

        assertThat(sketch.isEmpty()).isTrue();
        assertThat(monoid.result(sketch, ResultOptions.DEFAULTS)).isZero();
    }

    @Test
    void shouldMergeSketchesOfDifferentSizes() {
        HllSketch small = new DistinctMonoid(10).empty();
        HllSketch large = monoid.empty();
        for (int i = 0; i < 20_000; i++) {
            small = monoid.add(small, "a" + i);
            large = monoid.add(large, "b" + i);
        }

        HllSketch merged = monoid.combine(small, large);

        double rse = 1.04 / Math.sqrt(1 << 10);
        assertThat(merged.getLgConfigK()).isEqualTo(10);
        assertThat(merged.getEstimate()).isBetween(40_000 * (1 - 3 * rse), 40_000 * (1 + 3 * rse));
    }

    private static List<@Nullable Object> values(Random random) {
        int universe = 1 + (random.nextBoolean() ? random.nextInt(50) : random.nextInt(20_000));
        return RandomInputs.listOf(random, 4_000, r -> switch (r.nextInt(8)) {
            case 0 -> (long) r.nextInt(universe);
            case 1 -> null;
            default -> "user-" + r.nextInt(universe);
        });
    }

    private static int distinctStrings(List<@Nullable Object> inputs) {
        Set<String> distinct = new HashSet<>();
        for (Object value : inputs) {
            if (value != null) {
                distinct.add(String.valueOf(value));
            }
        }
        return distinct.size();
    }
}
