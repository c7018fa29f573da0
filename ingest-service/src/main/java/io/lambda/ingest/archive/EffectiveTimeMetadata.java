package io.lambda.ingest.archive;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The commit metadata that carries a partition's effective ingest time from one archiver to the next: the running
 * maximum of LogAppendTime of every record before the committed position, {@code eit=<epoch ms>}. A successor resumes
 * the maximum from it, so a record's stored ingest time (and its file's slot) is the same whichever archiver read it.
 */
final class EffectiveTimeMetadata {

    private static final String PREFIX = "eit=";

    private EffectiveTimeMetadata() {
    }

    static String encode(@Nullable Instant effective) {
        return effective == null ? "" : PREFIX + effective.toEpochMilli();
    }

    static @Nullable Instant decode(@Nullable String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(metadata.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
