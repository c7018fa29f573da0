package io.lambda.core.metric;

/**
 * A way to add up values: an identity and an associative combination.
 *
 * <p>Laws: {@code combine(empty(), x)} and {@code combine(x, empty())} are equivalent to {@code x};
 * {@code combine(combine(a, b), c)} is equivalent to {@code combine(a, combine(b, c))}. Sketch-backed
 * implementations are equivalent within the sketch's documented error.
 *
 * <p>{@code combine} never changes its arguments and its result shares no mutable state with them,
 * so a sketch is copied before merging.
 *
 * @param <T> the type of the values being added up
 */
public interface Monoid<T> {

    /** The identity; a fresh instance on every call when {@code T} is mutable. */
    T empty();

    /** The combination of both values; neither argument is modified. */
    T combine(T left, T right);
}
