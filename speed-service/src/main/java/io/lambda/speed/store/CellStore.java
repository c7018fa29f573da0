package io.lambda.speed.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.metric.Aggregate;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's partials: the in-memory {@link Cells} the fold adds into, backed by a changelogged key-value store
 * ({@link CellCodec} key to aggregate bytes) that a restarted or migrated task restores them from.
 *
 * <p>Aggregates are serialized once per commit, not once per event: Kafka Streams flushes every store's cache before
 * it commits a task ({@link #flushCache}), and this store writes the cells changed since the previous commit into the
 * logged store right there. So the changelog in a transaction always matches the offsets committed with it. Cells
 * changed since the last Redis flush are tracked separately ({@link #pendingRedis}).
 *
 * <p>Not thread-safe: one stream task owns it.
 */
public final class CellStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(CellStore.class);

    private final Cells cells = new Cells();
    private final Set<CellKey> storeDirty = new HashSet<>();
    private final Set<CellKey> redisDirty = new HashSet<>();
    private ViewFold fold = new ViewFold(List.of(), io.lambda.core.metric.SketchSettings.DEFAULTS);

    CellStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /**
     * Loads the cells of {@code fold}'s view versions from the store (after restoration, when the task starts);
     * cells of versions no longer computed are deleted.
     */
    public void load(ViewFold fold) {
        this.fold = fold;
        cells.removeIf(key -> true);
        storeDirty.clear();
        redisDirty.clear();
        Set<io.lambda.core.fold.ViewVersion> versions = new HashSet<>();
        fold.views().forEach(v -> versions.add(io.lambda.core.fold.ViewVersion.of(v)));
        List<Bytes> dropped = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = wrapped().all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                CellKey key = CellCodec.decode(entry.key.get());
                if (versions.contains(key.view())) {
                    cells.restore(key, fold.monoid(key.view()).deserialize(entry.value));
                } else {
                    dropped.add(entry.key);
                }
            }
        }
        dropped.forEach(wrapped()::delete);
        if (!dropped.isEmpty()) {
            log.info("Dropped cells={} of view versions no longer computed from store={}", dropped.size(), name());
        }
    }

    /** The cells the fold adds into. */
    public Cells cells() {
        return cells;
    }

    /** The cells changed since the last successful Redis write of their view version. */
    public Set<CellKey> pendingRedis() {
        collectChanged();
        return Set.copyOf(redisDirty);
    }

    /** Marks {@code written} as published to Redis. */
    public void redisWritten(Set<CellKey> written) {
        redisDirty.removeAll(written);
    }

    /** The aggregate of a cell, or null. */
    public @org.jspecify.annotations.Nullable Aggregate get(CellKey key) {
        return cells.get(key);
    }

    /** Removes every cell matching {@code filter} from memory and (at the next commit) from the store. */
    public int remove(Predicate<CellKey> filter) {
        collectChanged();
        List<CellKey> removed = cells.all().keySet().stream().filter(filter).toList();
        Set<CellKey> set = new HashSet<>(removed);
        cells.removeIf(set::contains);
        storeDirty.addAll(set);
        redisDirty.removeAll(set);
        return removed.size();
    }

    /** Before every commit: the changed cells go to the logged store, inside the task's transaction. */
    @Override
    public void flushCache() {
        collectChanged();
        for (CellKey key : storeDirty) {
            Aggregate aggregate = cells.get(key);
            Bytes storeKey = Bytes.wrap(CellCodec.encode(key));
            if (aggregate == null) {
                wrapped().delete(storeKey);
            } else {
                wrapped().put(storeKey, fold.monoid(key.view()).serialize(aggregate));
            }
        }
        storeDirty.clear();
        super.flushCache();
    }

    private void collectChanged() {
        if (cells.hasChanges()) {
            Set<CellKey> changed = cells.drainChanged();
            storeDirty.addAll(changed);
            redisDirty.addAll(changed);
        }
    }
}
