package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AvgMonoidTests {

    private final AvgMonoid monoid = new AvgMonoid();

    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsExactlyForIntegralInputs() {
        return MonoidLaws.<AvgMonoid.Mean, Object>of(monoid, monoid::add,
                        random -> RandomInputs.listOf(random, 300, RandomInputs::integral))
                .equivalence(Equivalence.equalBytes(monoid::serialize))
                // the integral sum is exact; only the final division rounds
                .accuracy((inputs, state, context) -> assertAverage(inputs, state, context, 1e-15))
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    /** Doubles don't add associatively (see SumMonoidTests); the mean of bounded inputs is compared with a tolerance. */
    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsWithinRoundingForMixedInputs() {
        return MonoidLaws.<AvgMonoid.Mean, Object>of(monoid, monoid::add,
                        random -> RandomInputs.listOf(random, 300, RandomInputs::mixed))
                .equivalence(Equivalence.<AvgMonoid.Mean>equalBy(state -> state.count)
                        .and(Equivalence.closeBy(state -> state.sum.asDouble(), 1e-14, 1e-6)))
                .accuracy((inputs, state, context) -> assertAverage(inputs, state, context, 1e-14))
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    @Test
    void shouldAverageOnlyTheNumericValues() {
        AvgMonoid.Mean mean = monoid.empty();
        for (Object value : Arrays.asList(1L, 2.0, null, "6", Boolean.TRUE, 6)) {
            mean = monoid.add(mean, value);
        }

        assertThat(monoid.result(mean, ResultOptions.DEFAULTS)).isEqualTo(3.0);
    }

    @Test
    void shouldAnswerNullWithoutNumericValues() {
        AvgMonoid.Mean mean = monoid.add(monoid.empty(), "n/a");

        assertThat(monoid.result(mean, ResultOptions.DEFAULTS)).isNull();
    }

    private void assertAverage(List<@Nullable Object> inputs, AvgMonoid.Mean state, String context, double relative) {
        List<BigDecimal> numbers = inputs.stream()
                .filter(RandomInputs::isNumeric)
                .map(value -> value instanceof Double d ? new BigDecimal(d) : BigDecimal.valueOf(((Number) value).longValue()))
                .toList();
        Double actual = monoid.result(state, ResultOptions.DEFAULTS);
        if (numbers.isEmpty()) {
            assertThat(actual).as(context).isNull();
            return;
        }
        double expected = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(numbers.size()), MathContext.DECIMAL128).doubleValue();
        double scale = numbers.stream().mapToDouble(x -> Math.abs(x.doubleValue())).max().orElseThrow();
        assertThat(actual).as(context).isCloseTo(expected, within(relative * scale + Double.MIN_VALUE));
    }
}
