package io.lambda.query.store;

import java.time.Instant;
import java.util.Map;

import io.lambda.core.serving.BatchPointer;

/**
 * What the version choice of one view reads, in one round trip: each version's published pointer and, per partition,
 * the slot where the speed layer started it ({@code …:from}).
 */
public record VersionState(Map<String, BatchPointer> pointers, Map<String, Map<Integer, Instant>> starts) {

    public VersionState {
        pointers = Map.copyOf(pointers);
        starts = Map.copyOf(starts);
    }
}
