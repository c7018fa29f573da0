package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/**
 * The monoid of one metric kind, plus what the layers need around it: adding one event's value,
 * a compact byte form for Redis, and the answer a query returns.
 *
 * <p><b>Ownership.</b> States may be mutable. {@link #add} updates the state it is given in place
 * when it can (no allocation on the hot path) and returns it: the caller owns that accumulator, must
 * keep using the returned reference and must not share the state while adding to it. {@link #combine}
 * never modifies its arguments and returns a state that shares nothing mutable with them. States are
 * not thread-safe, not even for concurrent reads: {@link #result} may reorganize a sketch without
 * changing its value (KLL sorts its buffer). Monoid instances are immutable and thread-safe.
 *
 * <p><b>Values.</b> Numeric kinds (sum, min, max, avg, quantiles) take {@code Long}, {@code Integer},
 * {@code Short}, {@code Byte}, {@code Double} or any other {@code Number}; a missing value (null),
 * a non-number (a String {@code "42"}, a Boolean) or a non-finite double is ignored. Count counts
 * every call whatever the value. Distinct and top take any scalar by its string form
 * ({@code String.valueOf}), so Long {@code 42} and String {@code "42"} are the same value.
 *
 * @param <S> the state (accumulator) type
 */
public interface MetricMonoid<S> extends Monoid<S> {

    /** The metric kind this monoid implements. */
    MetricKind kind();

    /**
     * Adds one event's value.
     *
     * @param state an accumulator owned by the caller; may be updated in place
     * @param value the event's field value, or null when the event lacks the field
     * @return the updated accumulator (usually {@code state} itself)
     */
    S add(S state, @Nullable Object value);

    /** The compact, versioned byte form of a state; the state is not modified. */
    byte[] serialize(S state);

    /**
     * A fresh state from bytes written by {@link #serialize}.
     *
     * @throws IllegalArgumentException if the bytes are not a state of this kind
     */
    S deserialize(byte[] bytes);

    /**
     * The answer a query returns: count a {@code Long}; sum a {@code Long} (all inputs integral and the
     * total fits) or a {@code Double}; min, max, avg a {@code Double} or null when no value was added;
     * distinct a {@code Double} estimate; quantiles the {@code Double} at rank {@code options.q()} or
     * null when empty; top a {@code List<TopValue>}, largest first.
     */
    @Nullable Object result(S state, ResultOptions options);
}
