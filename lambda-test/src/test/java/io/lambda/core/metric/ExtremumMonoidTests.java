package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExtremumMonoidTests {

    private final ExtremumMonoid min = ExtremumMonoid.min();
    private final ExtremumMonoid max = ExtremumMonoid.max();

    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsExactlyForMin() {
        return laws(min, true);
    }

    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsExactlyForMax() {
        return laws(max, false);
    }

    @Test
    void shouldAnswerNullWhileNoNumberWasAdded() {
        ExtremumMonoid.Extremum state = min.add(min.add(min.empty(), "7"), null);

        assertThat(min.result(state, ResultOptions.DEFAULTS)).isNull();
        assertThat(max.result(max.deserialize(max.serialize(max.empty())), ResultOptions.DEFAULTS)).isNull();
    }

    @Test
    void shouldTrackTheSmallestAndLargestNumberAsDoubles() {
        ExtremumMonoid.Extremum low = min.empty();
        ExtremumMonoid.Extremum high = max.empty();
        for (Object value : List.of(5L, -2.5, 9, "100", Boolean.TRUE)) {
            low = min.add(low, value);
            high = max.add(high, value);
        }

        assertThat(min.result(low, ResultOptions.DEFAULTS)).isEqualTo(-2.5);
        assertThat(max.result(high, ResultOptions.DEFAULTS)).isEqualTo(9.0);
    }

    private static Stream<DynamicTest> laws(ExtremumMonoid monoid, boolean isMin) {
        return MonoidLaws.<ExtremumMonoid.Extremum, Object>of(monoid, monoid::add,
                        random -> RandomInputs.listOf(random, 300, RandomInputs::mixed))
                .equivalence(Equivalence.equalBytes(monoid::serialize))
                .accuracy((inputs, state, context) -> assertThat(monoid.result(state, ResultOptions.DEFAULTS))
                        .as(context).isEqualTo(expected(inputs, isMin)))
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    private static @Nullable Double expected(List<@Nullable Object> inputs, boolean isMin) {
        return inputs.stream()
                .filter(RandomInputs::isNumeric)
                .map(value -> ((Number) value).doubleValue())
                .reduce(isMin ? Math::min : Math::max)
                .orElse(null);
    }
}
