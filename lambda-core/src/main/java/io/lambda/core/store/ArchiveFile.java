package io.lambda.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One object-container file of the master dataset (DESIGN.md section 5): records of one Kafka partition of the
 * event topic, all ingested in one slot, named by the offsets of its first and last record.
 *
 * <p>Not every offset between the two holds a record of the file: transaction markers occupy offsets, and a
 * record that could not be read went to the dead-letter topic instead. No two files of a partition overlap.
 *
 * @param slot        start of the ingest slot every record of the file was ingested in (UTC)
 * @param partition   Kafka partition
 * @param firstOffset offset of the first record (inclusive)
 * @param lastOffset  offset of the last record (inclusive)
 */
public record ArchiveFile(Instant slot, int partition, long firstOffset, long lastOffset) {

    public ArchiveFile {
        Objects.requireNonNull(slot, "slot");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
        if (firstOffset < 0 || lastOffset < firstOffset) {
            throw new IllegalArgumentException("offsets must satisfy 0 <= first <= last, got " + firstOffset + "-" + lastOffset);
        }
    }

    /** Whether {@code offset} lies in the file's offset range. */
    public boolean covers(long offset) {
        return offset >= firstOffset && offset <= lastOffset;
    }

    /** The offset after the file: what a consumer commits once the file is stored. */
    public long nextOffset() {
        return lastOffset + 1;
    }
}
