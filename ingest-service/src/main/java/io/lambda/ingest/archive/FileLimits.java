package io.lambda.ingest.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.lambda.core.time.IngestSlots;

/**
 * When an open file is rolled: at a slot boundary, before its encoded records would pass {@code maxBytes}, and at the
 * end of its age window: windows of {@code maxAge} of ingest time, aligned to the epoch. Every limit is a function of
 * the records alone (their offsets, ingest times and sizes), never of when they were read, so two archivers reading a
 * partition from the same offset cut it into the same files.
 */
record FileLimits(IngestSlots slots, long maxBytes, Duration maxAge, int deflateLevel) {

    FileLimits {
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.toMillis() < 1) {
            throw new IllegalArgumentException("maxAge must be at least 1 ms: " + maxAge);
        }
    }

    /** The end (exclusive, epoch millis) of the age window {@code ingestTime} falls in. */
    long windowEnd(Instant ingestTime) {
        long width = maxAge.toMillis();
        long millis = ingestTime.toEpochMilli();
        return millis - Math.floorMod(millis, width) + width;
    }

    static FileLimits of(ArchiveProperties properties, IngestSlots slots) {
        return new FileLimits(slots, properties.maxFileBytes().toBytes(), properties.maxFileAge(), properties.deflateLevel());
    }
}
