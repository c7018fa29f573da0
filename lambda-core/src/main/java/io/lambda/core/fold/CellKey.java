package io.lambda.core.fold;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.Chunks;
import io.lambda.core.serving.GroupField;
import io.lambda.core.serving.PartialField;
import io.lambda.core.serving.Rollup;
import io.lambda.core.time.Granularity;

/**
 * One cell the fold updates: the aggregate of one group of one stored row ({@link Rollup}) of one view version, in
 * one event-time bucket and, for the speed layer, one ingest slot. The batch layer folds without slots
 * ({@link #NO_SLOT}): its rows cover every slot before the boundary.
 *
 * @param view        the view version
 * @param granularity the bucket size
 * @param rollup      the dimensions the row keeps
 * @param bucket      event-time bucket start, epoch seconds (UTC)
 * @param values      the kept dimension values, in view dimension order
 * @param slot        ingest slot start, epoch seconds, or {@link #NO_SLOT}
 */
public record CellKey(ViewVersion view, Granularity granularity, Rollup rollup, long bucket, List<String> values,
        long slot) {

    /** The slot of a cell folded without ingest slots (batch rows). */
    public static final long NO_SLOT = Long.MIN_VALUE;

    public CellKey {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(rollup, "rollup");
        values = List.copyOf(values);
        if (values.size() != rollup.kept().size()) {
            throw new IllegalArgumentException("rollup " + rollup + " keeps " + rollup.kept().size()
                    + " values, got " + values);
        }
    }

    /** Whether this cell carries an ingest slot (a speed partial). */
    public boolean hasSlot() {
        return slot != NO_SLOT;
    }

    /** The bucket start. */
    public Instant bucketStart() {
        return Instant.ofEpochSecond(bucket);
    }

    /**
     * The slot start.
     *
     * @throws IllegalStateException for a cell folded without slots
     */
    public Instant slotStart() {
        if (!hasSlot()) {
            throw new IllegalStateException("cell has no ingest slot: " + this);
        }
        return Instant.ofEpochSecond(slot);
    }

    /** This cell with no slot: where a speed partial's aggregate goes in a batch row. */
    public CellKey withoutSlot() {
        return hasSlot() ? new CellKey(view, granularity, rollup, bucket, values, NO_SLOT) : this;
    }

    /** The batch row field of this cell. */
    public GroupField groupField() {
        return new GroupField(bucketStart(), values);
    }

    /** The batch row hash (relative to the run) holding this cell. */
    public ChunkRef batchChunk() {
        return new ChunkRef(granularity, rollup, Chunks.chunkStart(granularity, bucketStart()));
    }

    /** The speed partial field of this cell. */
    public PartialField partialField() {
        return new PartialField(slotStart(), groupField());
    }

    /** The speed partial hash (relative to the partition) holding this cell. */
    public ChunkRef speedChunk() {
        return new ChunkRef(granularity, rollup, Chunks.slotChunkStart(slotStart()));
    }

    /** The cell of a stored batch field. */
    public static CellKey ofBatch(ViewVersion view, ChunkRef chunk, GroupField field) {
        return new CellKey(view, chunk.granularity(), chunk.rollup(), field.bucket().getEpochSecond(), field.values(),
                NO_SLOT);
    }

    /** The cell of a stored speed partial field. */
    public static CellKey ofPartial(ViewVersion view, ChunkRef chunk, PartialField field) {
        return new CellKey(view, chunk.granularity(), chunk.rollup(), field.group().bucket().getEpochSecond(),
                field.group().values(), field.slot().getEpochSecond());
    }
}
