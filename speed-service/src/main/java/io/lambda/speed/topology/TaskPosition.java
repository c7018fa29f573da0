package io.lambda.speed.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.time.IngestSlots;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Where a task stands, kept in its changelogged meta store: the position (next offset to read), the effective ingest
 * time of the last record (EffectiveIngestTime's running maximum) and, per view version, the {@code …:from} slot and
 * the floor. The position, the times and the start slots follow from the records read, so a replay restores the same
 * values. The floor follows the cleanups: it is written in the same transaction as the removal of the cells below it,
 * so the store never holds a floor without the matching cells removed, nor cells removed without their floor.
 */
final class TaskPosition {

    private static final String POSITION = "position";
    private static final String FROM = "from:";
    private static final String FLOOR = "floor:";

    private final KeyValueStore<String, String> store;
    private final Map<ViewVersion, Long> from = new HashMap<>();
    private final Map<ViewVersion, Long> floors = new HashMap<>();
    private long position = -1;
    private long effectiveMillis = Long.MIN_VALUE;

    TaskPosition(KeyValueStore<String, String> store, List<ViewVersion> versions) {
        this.store = store;
        String stored = store.get(POSITION);
        if (stored != null) {
            int bar = stored.indexOf('|');
            position = Long.parseLong(stored.substring(0, bar));
            effectiveMillis = Long.parseLong(stored.substring(bar + 1));
        }
        for (ViewVersion version : versions) {
            String start = store.get(FROM + version);
            if (start != null) {
                from.put(version, Long.parseLong(start));
            }
            String floor = store.get(FLOOR + version);
            if (floor != null) {
                floors.put(version, Long.parseLong(floor));
            }
        }
    }

    /**
     * Moves past the record at {@code offset}: returns its effective ingest time, and starts every version not started
     * yet ({@code 0} when the record is the partition's first, else the slot after the record's slot).
     */
    long advance(long offset, long logAppendTime, List<ViewVersion> versions, IngestSlots slots) {
        effectiveMillis = Math.max(effectiveMillis, logAppendTime); // EffectiveIngestTime.next
        position = offset + 1;
        store.put(POSITION, position + "|" + effectiveMillis);
        for (ViewVersion version : versions) {
            if (!from.containsKey(version)) {
                long start = offset == 0 ? 0 : slots.nextSlot(slots.slotStart(
                        java.time.Instant.ofEpochMilli(effectiveMillis))).getEpochSecond();
                from.put(version, start);
                store.put(FROM + version, Long.toString(start));
            }
        }
        return effectiveMillis;
    }

    /** The next offset to read, -1 before the first record. */
    long position() {
        return position;
    }

    /** The {@code …:from} value of a version, null before its first record. */
    @Nullable Long from(ViewVersion version) {
        return from.get(version);
    }

    /**
     * The floor of a version (epoch seconds): the slot start below which the task no longer holds partials, because a
     * cleanup removed them. Null when it never cleaned up: then it holds every slot since {@code …:from}.
     */
    @Nullable Long floor(ViewVersion version) {
        return floors.get(version);
    }

    /** Raises the floor of a version to {@code slot} (epoch seconds); a lower or equal slot changes nothing. */
    void raiseFloor(ViewVersion version, long slot) {
        Long current = floors.get(version);
        if (current == null || current < slot) {
            floors.put(version, slot);
            store.put(FLOOR + version, Long.toString(slot));
        }
    }
}
