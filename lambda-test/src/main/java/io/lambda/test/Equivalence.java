package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Decides whether two monoid states stand for the same value; throws AssertionError if not. The
 * {@link MonoidLaws} compare both sides of every law with one: exact metrics use {@link #equalBytes},
 * sketch-backed metrics compare projections with {@link #equalBy} and {@link #closeBy}.
 *
 * @param <T> the state type
 */
@FunctionalInterface
public interface Equivalence<T> {

    /** Passes if {@code actual} stands for the same value as {@code expected}; {@code context} goes in the message. */
    void check(T expected, T actual, String context);

    /** Same serialized bytes: the strictest equivalence, for exact metrics. */
    static <T> Equivalence<T> equalBytes(Function<? super T, byte[]> serialize) {
        return (expected, actual, context) -> assertThat(serialize.apply(actual))
                .as("%s: %s equivalent to %s", context, actual, expected)
                .isEqualTo(serialize.apply(expected));
    }

    /** Equal projections, e.g. the query result, or the exact invariants of a sketch. */
    static <T> Equivalence<T> equalBy(Function<? super T, ?> view) {
        return (expected, actual, context) -> assertThat((Object) view.apply(actual))
                .as("%s: %s equivalent to %s", context, actual, expected)
                .isEqualTo(view.apply(expected));
    }

    /** Projections within {@code absolute + relative × max(|a|, |b|)} of each other. */
    static <T> Equivalence<T> closeBy(ToDoubleFunction<? super T> view, double relative, double absolute) {
        return (expected, actual, context) -> {
            double a = view.applyAsDouble(expected);
            double b = view.applyAsDouble(actual);
            double tolerance = absolute + relative * Math.max(Math.abs(a), Math.abs(b));
            assertThat(Math.abs(a - b))
                    .as("%s: %s (%s) within %s of %s (%s)", context, b, actual, tolerance, a, expected)
                    .isLessThanOrEqualTo(tolerance);
        };
    }

    /** Both equivalences hold. */
    default Equivalence<T> and(Equivalence<T> other) {
        return (expected, actual, context) -> {
            check(expected, actual, context);
            other.check(expected, actual, context);
        };
    }
}
