package io.lambda.core.serving;

import java.time.Instant;
import java.util.Objects;

import io.lambda.core.time.Granularity;

/**
 * One row hash of a view version, relative to its run (batch) or partition (speed): granularity, rollup
 * and chunk start. Its text {@code <granularity>:<rollup token>:<chunkEpochSeconds>} (e.g.
 * {@code minute:url:1795514400}) is the key suffix of the hash and the member of the index sorted sets,
 * so cleanup finds every hash without SCAN.
 *
 * @param granularity the event-time bucket size of the rows
 * @param rollup      the dimensions the rows keep
 * @param chunkStart  the chunk start (UTC, whole second); see {@link Chunks}
 */
public record ChunkRef(Granularity granularity, Rollup rollup, Instant chunkStart) {

    public ChunkRef {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(rollup, "rollup");
        Objects.requireNonNull(chunkStart, "chunkStart");
        if (chunkStart.getNano() != 0) {
            throw new IllegalArgumentException("chunk start must be a whole second, got " + chunkStart);
        }
    }

    /** The text form, e.g. {@code minute:url:1795514400}. */
    public String encode() {
        return granularity.id() + ":" + rollup.token() + ":" + chunkStart.getEpochSecond();
    }

    /**
     * @throws IllegalArgumentException when the text is not a chunk reference
     */
    public static ChunkRef decode(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a chunk reference (expected <granularity>:<rollup>:<chunk>): '"
                    + text + "'");
        }
        return new ChunkRef(Granularity.parse(parts[0]), Rollup.parse(parts[1]), FieldText.seconds(parts[2], text));
    }

    /** The score of this chunk in an index sorted set: the chunk start in epoch seconds. */
    public double score() {
        return chunkStart.getEpochSecond();
    }
}
