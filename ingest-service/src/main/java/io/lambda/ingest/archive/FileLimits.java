package io.lambda.ingest.archive;

import java.time.Duration;
import java.util.Objects;

import io.lambda.core.time.IngestSlots;

/**
 * When an open file is rolled: at a slot boundary, before its encoded records would pass {@code maxBytes}, and once
 * its first record is {@code maxAge} old.
 */
record FileLimits(IngestSlots slots, long maxBytes, Duration maxAge, int deflateLevel) {

    FileLimits {
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    static FileLimits of(ArchiveProperties properties, IngestSlots slots) {
        return new FileLimits(slots, properties.maxFileBytes().toBytes(), properties.maxFileAge(), properties.deflateLevel());
    }
}
