package io.lambda.test;

import java.util.List;

/**
 * Checks a monoid state against the exact answer of all inputs it has absorbed; throws AssertionError
 * if off. Sketch-backed metrics give one to {@link MonoidLaws#accuracy}, so every state a law builds is
 * held to the sketch's documented error bound.
 *
 * @param <T> the state type
 * @param <I> the input type (one event or one value)
 */
@FunctionalInterface
public interface Accuracy<T, I> {

    /** Passes if {@code state} answers close enough to the exact answer of {@code inputs}. */
    void check(List<I> inputs, T state, String context);
}
