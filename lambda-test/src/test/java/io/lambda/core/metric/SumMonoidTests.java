package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;

import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SumMonoidTests {

    /** Unit roundoff of double arithmetic. */
    private static final double EPSILON = Math.ulp(1.0) / 2;

    private final SumMonoid monoid = new SumMonoid();

    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsExactlyForIntegralInputs() {
        return MonoidLaws.<SumAccumulator, Object>of(monoid, monoid::add,
                        random -> RandomInputs.listOf(random, 300, RandomInputs::integral))
                .equivalence(Equivalence.equalBytes(monoid::serialize))
                .accuracy((inputs, state, context) -> assertThat(result(state))
                        .as(context).isEqualTo(exactIntegralResult(inputs)))
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    /**
     * Floating-point addition is not associative, so merging in another order may differ in the last
     * bits: the two sides are compared with a tolerance. The accuracy check is the real bound. Inputs mix
     * magnitudes from 1e-3 to 1e16, and the compensated sum must stay within Neumaier's error bound
     * 2ε·|S| + 4nε²·Σ|x| of the exact (BigDecimal) sum S however the inputs were split and merged; a
     * naive running sum, whose error grows like n·ε·Σ|x|, fails it.
     */
    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsWithinRoundingForMixedInputs() {
        return MonoidLaws.<SumAccumulator, Object>of(monoid, monoid::add,
                        random -> RandomInputs.listOf(random, 300, RandomInputs::mixed))
                .equivalence(Equivalence.<SumAccumulator>equalBy(state -> result(state).getClass())
                        .and(Equivalence.closeBy(SumAccumulator::asDouble, 1e-14, 1e-6)))
                .accuracy((inputs, state, context) -> {
                    BigDecimal exact = BigDecimal.ZERO;
                    double absoluteSum = 0;
                    int n = 0;
                    boolean allIntegral = true;
                    for (Object value : inputs) {
                        if (RandomInputs.isNumeric(value)) {
                            boolean integral = !(value instanceof Double);
                            allIntegral &= integral;
                            BigDecimal x = integral
                                    ? BigDecimal.valueOf(((Number) value).longValue())
                                    : new BigDecimal((Double) value);
                            exact = exact.add(x);
                            absoluteSum += Math.abs(x.doubleValue());
                            n++;
                        }
                    }
                    Number actual = result(state);
                    assertThat(actual).as(context).isInstanceOf(allIntegral ? Long.class : Double.class);
                    double error = new BigDecimal(actual.doubleValue()).subtract(exact).abs().doubleValue();
                    assertThat(error).as("%s: error of %s against exact %s", context, actual, exact)
                            .isLessThanOrEqualTo(2 * EPSILON * exact.abs().doubleValue()
                                    + 4 * n * EPSILON * EPSILON * absoluteSum);
                })
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    @Test
    void shouldStayAnExactLongWhileAllInputsAreIntegral() {
        SumAccumulator sum = fold(3L, 4, (short) 5, (byte) 6);

        assertThat(result(sum)).isEqualTo(18L);
    }

    @Test
    void shouldBecomeADoubleOnceAnInputIsNot() {
        SumAccumulator sum = fold(3L, 0.5);

        assertThat(result(sum)).isEqualTo(3.5);
    }

    @Test
    void shouldIgnoreMissingAndNonNumericValues() {
        SumAccumulator sum = fold(2L, null, "40", Boolean.TRUE, Double.NaN, Double.NEGATIVE_INFINITY, 1L);

        assertThat(result(sum)).isEqualTo(3L);
    }

    @Test
    void shouldKeepTheTotalExactWhenAPartialSumLeavesTheLongRange() {
        SumAccumulator sum = fold(Long.MAX_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE, 1L, -1L);

        assertThat(result(sum)).isEqualTo(Long.MAX_VALUE);
        assertThat(result(monoid.deserialize(monoid.serialize(fold(Long.MAX_VALUE, 1L)))))
                .isEqualTo(9.223372036854775808e18);
    }

    @Test
    void shouldCompensateRoundingErrorsOfLargeAndSmallDoubles() {
        SumAccumulator sum = fold(1e16, 1.0, 1.0, -1e16);

        assertThat(result(sum)).isEqualTo(2.0);
    }

    private SumAccumulator fold(@Nullable Object... values) {
        SumAccumulator state = monoid.empty();
        for (Object value : values) {
            state = monoid.add(state, value);
        }
        return state;
    }

    private Number result(SumAccumulator state) {
        return monoid.result(state, ResultOptions.DEFAULTS);
    }

    private static Number exactIntegralResult(List<@Nullable Object> inputs) {
        BigInteger exact = BigInteger.ZERO;
        for (Object value : inputs) {
            exact = exact.add(BigInteger.valueOf(((Number) value).longValue()));
        }
        return exact.bitLength() < 64 ? (Number) exact.longValueExact() : (Number) exact.doubleValue();
    }
}
