package io.lambda.core.time;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The effective ingest time (DESIGN.md section 4): the running maximum of LogAppendTime along a partition's offsets.
 * A record's LogAppendTime can step back after a change of partition leader (the new leader's clock); the effective
 * time never does, so a later copy of an id can never fall before a batch boundary {@code T} while its first copy
 * falls after it. The archiver stores and files records by it; the speed layer keys slots by it. Both read each
 * partition in offset order and carry the previous value along (the archiver in its files, the speed layer in its
 * state).
 */
public final class EffectiveIngestTime {

    private EffectiveIngestTime() {
    }

    /**
     * The effective ingest time of the next record of a partition.
     *
     * @param previous      the effective ingest time of the partition's previous record, null for its first
     * @param logAppendTime the record's own timestamp
     */
    public static Instant next(@Nullable Instant previous, Instant logAppendTime) {
        return previous == null || logAppendTime.isAfter(previous) ? logAppendTime : previous;
    }

    /** {@link #next} in epoch milliseconds; {@code Long.MIN_VALUE} as {@code previous} for the first record. */
    public static long next(long previousMillis, long logAppendTimeMillis) {
        return Math.max(previousMillis, logAppendTimeMillis);
    }
}
