package io.lambda.core.fold;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;

/**
 * The aggregates of many cells, updated in place by {@link ViewFold#add}, with the set of cells changed since the
 * last {@link #drainChanged()} (what a speed flush writes). Not thread-safe: one owner, e.g. one stream task or one
 * batch partition.
 */
public final class Cells {

    private final Map<CellKey, Aggregate> aggregates = new HashMap<>();
    private final Set<CellKey> changed = new HashSet<>();

    /** The aggregate of {@code key}, created empty when absent, marked changed; the caller adds into it. */
    public Aggregate update(CellKey key, AggregateMonoid monoid) {
        Aggregate aggregate = aggregates.get(key);
        if (aggregate == null) {
            aggregate = monoid.empty();
            aggregates.put(key, aggregate);
        }
        changed.add(key);
        return aggregate;
    }

    /** Combines {@code partial} into the cell (e.g. a worker's partial aggregate into the merged rows). */
    public void combine(CellKey key, Aggregate partial, AggregateMonoid monoid) {
        Aggregate current = aggregates.get(key);
        aggregates.put(key, current == null ? monoid.combine(monoid.empty(), partial) : monoid.combine(current, partial));
        changed.add(key);
    }

    /** Sets a cell's aggregate as it is (restoring state); not marked changed. */
    public void restore(CellKey key, Aggregate aggregate) {
        aggregates.put(key, aggregate);
    }

    /** Every cell and its aggregate (a read-only view; do not add to it while iterating). */
    public Map<CellKey, Aggregate> all() {
        return Collections.unmodifiableMap(aggregates);
    }

    /** The aggregate of a cell, or null. */
    public @org.jspecify.annotations.Nullable Aggregate get(CellKey key) {
        return aggregates.get(key);
    }

    /** The cells changed since the last call, and forgets them. */
    public Set<CellKey> drainChanged() {
        Set<CellKey> drained = Set.copyOf(changed);
        changed.clear();
        return drained;
    }

    /** Whether any cell changed since the last {@link #drainChanged()}. */
    public boolean hasChanges() {
        return !changed.isEmpty();
    }

    /** Removes every cell matching {@code filter}; returns how many. */
    public int removeIf(Predicate<CellKey> filter) {
        int before = aggregates.size();
        aggregates.keySet().removeIf(filter);
        changed.removeIf(filter);
        return before - aggregates.size();
    }

    /** The number of cells. */
    public int size() {
        return aggregates.size();
    }
}
