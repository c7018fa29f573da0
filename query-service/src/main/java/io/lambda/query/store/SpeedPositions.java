package io.lambda.query.store;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The speed layer's state of one view version over the topic's partitions, read before its partials.
 *
 * @param offsets       flushed position per partition ({@code …:offset}); a partition without one is absent
 * @param earliestChunk the earliest speed chunk any partition indexes, null when none has partials
 * @param latestChunk   the latest speed chunk any partition indexes, null when none has partials
 */
public record SpeedPositions(Map<Integer, Long> offsets, @Nullable Instant earliestChunk,
        @Nullable Instant latestChunk) {

    public SpeedPositions {
        offsets = Map.copyOf(offsets);
    }
}
