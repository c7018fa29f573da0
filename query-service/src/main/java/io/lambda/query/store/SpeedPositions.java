package io.lambda.query.store;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The speed layer's state of one view version over the topic's partitions, read before its partials.
 *
 * @param offsets       flushed position per partition ({@code …:offset}); a partition without one is absent
 * @param floors        per partition, the slot start below which the speed layer no longer holds partials
 *                      ({@code …:floor}, raised when it cleaned up after a batch boundary); a partition without one
 *                      (it holds every slot since {@code …:from}) is absent
 * @param earliestChunk the earliest speed chunk any partition indexes, null when none has partials
 * @param latestChunk   the latest speed chunk any partition indexes, null when none has partials
 */
public record SpeedPositions(Map<Integer, Long> offsets, Map<Integer, Instant> floors,
        @Nullable Instant earliestChunk, @Nullable Instant latestChunk) {

    public SpeedPositions {
        offsets = Map.copyOf(offsets);
        floors = Map.copyOf(floors);
    }

    /**
     * The highest floor above {@code boundary} (above any instant when there is no boundary), or null: the speed
     * layer dropped the partials of slots before it, and the batch view ends at {@code boundary}, so events between
     * the two are in neither layer (Redis lost the batch view and the speed layer rewrote what it still holds).
     */
    public @Nullable Instant missingBefore(@Nullable Instant boundary) {
        Instant missing = null;
        for (Instant floor : floors.values()) {
            boolean uncovered = boundary == null ? floor.isAfter(Instant.EPOCH) : floor.isAfter(boundary);
            if (uncovered && (missing == null || floor.isAfter(missing))) {
                missing = floor;
            }
        }
        return missing;
    }
}
