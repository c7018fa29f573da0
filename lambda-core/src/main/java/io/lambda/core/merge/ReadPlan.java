package io.lambda.core.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.Chunks;
import io.lambda.core.serving.Rollup;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;

/**
 * What one series or groups query reads: the granularity and stored row ({@link Rollup#select}) that answer it, and
 * the batch and speed hashes covering its range. Built by {@link #series} or {@link #groups}; the query service turns
 * it into keys with {@link #batchKeys} and {@link #speedKeys} and reads them in one pipelined round trip.
 *
 * @param view        the view version read
 * @param granularity the bucket size read
 * @param rollup      the stored row read
 * @param from        the range start (inclusive); the first bucket is the one containing it
 * @param to          the range end (exclusive)
 * @param batchChunks the batch row hashes (relative to a run) holding buckets of the range
 * @param speedChunks the speed partial hashes (relative to a partition) of the slots read
 */
public record ReadPlan(ViewVersion view, Granularity granularity, Rollup rollup, Instant from, Instant to,
        List<ChunkRef> batchChunks, List<ChunkRef> speedChunks) {

    public ReadPlan {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(rollup, "rollup");
        batchChunks = List.copyOf(batchChunks);
        speedChunks = List.copyOf(speedChunks);
    }

    /**
     * The plan of a series.
     *
     * @param filters    {@code dim.<d>=<v>} filters; the row read keeps exactly the filtered dimensions
     * @param speedSlots the ingest slots whose partials to read, {@code [speedFrom, speedUntil)}: from the batch
     *                   boundary (or the first indexed slot before any batch run) to beyond the newest slot
     */
    public static ReadPlan series(ViewDefinition view, Granularity granularity, Map<String, String> filters,
            Instant from, Instant to, Instant speedFrom, Instant speedUntil) {
        return plan(view, granularity, Rollup.select(view.dimensions(), filters.keySet()), from, to, speedFrom,
                speedUntil);
    }

    /**
     * The plan of a groups query: the coarsest granularity of the view whose buckets tile {@code [from, to)}
     * ({@link #tilingGranularity}), and the row keeping {@code by} and the filtered dimensions.
     */
    public static ReadPlan groups(ViewDefinition view, String by, Map<String, String> filters, Instant from,
            Instant to, Instant speedFrom, Instant speedUntil) {
        Collection<String> needed = new HashSet<>(filters.keySet());
        needed.add(by);
        return plan(view, tilingGranularity(view, from, to), Rollup.select(view.dimensions(), needed), from, to,
                speedFrom, speedUntil);
    }

    /**
     * The coarsest granularity of the view whose buckets tile {@code [from, to)} exactly (both ends aligned), so a
     * 24 h range on whole hours reads hour rows, not minute rows; the view's finest when none does (the range then
     * widens to whole buckets of it).
     */
    public static Granularity tilingGranularity(ViewDefinition view, Instant from, Instant to) {
        List<Granularity> coarsestFirst = new ArrayList<>(view.granularities());
        java.util.Collections.reverse(coarsestFirst);
        for (Granularity granularity : coarsestFirst) {
            if (granularity.isAligned(from) && granularity.isAligned(to)) {
                return granularity;
            }
        }
        return view.finestGranularity();
    }

    private static ReadPlan plan(ViewDefinition view, Granularity granularity, Rollup rollup, Instant from, Instant to,
            Instant speedFrom, Instant speedUntil) {
        List<ChunkRef> batch = Chunks.chunksCovering(granularity, from, to).stream()
                .map(chunk -> new ChunkRef(granularity, rollup, chunk)).toList();
        List<ChunkRef> speed = Chunks.slotChunksCovering(speedFrom, speedUntil).stream()
                .map(chunk -> new ChunkRef(granularity, rollup, chunk)).toList();
        return new ReadPlan(ViewVersion.of(view), granularity, rollup, from, to, batch, speed);
    }

    /** The first bucket start of the range. */
    public Instant firstBucket() {
        return granularity.bucketStart(from);
    }

    /** The number of buckets of the range. */
    public long bucketCount() {
        long seconds = granularity.duration().getSeconds();
        long end = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        return Math.max(0, Math.floorDiv(end - firstBucket().getEpochSecond() + seconds - 1, seconds));
    }

    /** The batch row keys of a run, in chunk order. */
    public List<String> batchKeys(ServingKeys keys, String runId) {
        return batchChunks.stream().map(chunk -> keys.batchRows(view.name(), view.version(), runId,
                chunk.granularity(), chunk.rollup(), chunk.chunkStart())).toList();
    }

    /** The speed partial keys of one partition, in chunk order. */
    public List<String> speedKeys(ServingKeys keys, int partition) {
        return speedChunks.stream().map(chunk -> keys.speedPartial(view.name(), view.version(), partition,
                chunk.granularity(), chunk.rollup(), chunk.chunkStart())).toList();
    }
}
