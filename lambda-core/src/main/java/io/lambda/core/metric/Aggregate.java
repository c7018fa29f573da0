package io.lambda.core.metric;

import java.util.Arrays;

/**
 * The aggregate of one group: the states of a view's metrics, in the order of its
 * {@link AggregateMonoid#specs()}. Opaque: read it through {@link AggregateMonoid#results}, store it
 * through {@link AggregateMonoid#serialize}.
 *
 * <p>Mutable on purpose, like the states inside it: {@link AggregateMonoid#add} updates an aggregate
 * in place. Whoever holds an aggregate owns it; {@link AggregateMonoid#combine} never changes its
 * arguments. Not thread-safe, not even for concurrent reads. There is no value equality; compare
 * serialized bytes or results.
 */
public final class Aggregate {

    private final Object[] states;

    Aggregate(Object[] states) {
        this.states = states;
    }

    /** The number of metric states. */
    public int size() {
        return states.length;
    }

    Object state(int index) {
        return states[index];
    }

    void setState(int index, Object state) {
        states[index] = state;
    }

    @Override
    public String toString() {
        return "Aggregate" + Arrays.toString(states);
    }
}
