package io.lambda.ingest.archive;

import java.time.Instant;
import java.util.Objects;

import io.lambda.core.store.ArchiveFile;

/**
 * A finished archive file, ready to be stored.
 *
 * @param file           its name
 * @param container      the Avro object-container bytes (not copied: the buffer that made them is gone)
 * @param records        number of events in it
 * @param lastIngestTime ingest time of its last record
 */
record SealedFile(ArchiveFile file, byte[] container, int records, Instant lastIngestTime) {

    SealedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(lastIngestTime, "lastIngestTime");
    }
}
