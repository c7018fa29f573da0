package io.lambda.speed.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.serving.ChunkRef;
import io.lambda.speed.publish.FlushOutcome;
import io.lambda.speed.publish.HashWrite;
import io.lambda.speed.publish.PartialWriter;
import io.lambda.speed.publish.PartitionFlush;
import io.lambda.speed.store.CellStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's two wall-clock punctuations. {@link #flush}: one guarded script per active view version for the task's
 * partition, pipelined, with the changed cells and the position (KEYS.md "Speed flush"); a version whose generation
 * marker is missing or another than the task last saw gets every cell the task holds, under a new generation.
 * {@link #cleanup}: reads the batch boundaries and, a grace period after a boundary was first seen, raises the
 * version's floor to it and drops the cells of earlier slots from the store and their hashes from Redis. Every flush
 * carries the floor, so a full rewrite after Redis lost its data publishes it with the partials it rewrites (a query
 * then knows that slots below it are missing until the batch layer republishes).
 *
 * <p>The flush runs before the task's transaction commits (Kafka Streams has no commit hook): after a crash the
 * replay recomputes the same values at the same positions, and the guard refuses the older positions meanwhile.
 */
final class TaskFlusher {

    private static final Logger log = LoggerFactory.getLogger(TaskFlusher.class);

    private final int partition;
    private final List<ViewVersion> versions;
    private final ViewFold fold;
    private final CellStore cells;
    private final TaskPosition position;
    private final PartialWriter writer;
    private final SpeedMetrics metrics;
    private final Duration grace;
    private final Map<ViewVersion, String> generations = new HashMap<>();
    private final Set<ViewVersion> announced = new HashSet<>();
    /** Per version, the boundaries seen and when each was first seen (wall clock, ms), oldest first. */
    private final Map<ViewVersion, LinkedHashMap<Instant, Long>> boundaries = new HashMap<>();

    TaskFlusher(int partition, List<ViewVersion> versions, ViewFold fold, CellStore cells, TaskPosition position,
            PartialWriter writer, SpeedMetrics metrics, Duration grace) {
        this.partition = partition;
        this.versions = versions;
        this.fold = fold;
        this.cells = cells;
        this.position = position;
        this.writer = writer;
        this.metrics = metrics;
        this.grace = grace;
    }

    void flush(long wallClockMillis) {
        long at = position.position();
        if (at < 0) {
            return; // no record read yet: nothing to say about this partition
        }
        long started = System.nanoTime();
        try {
            Map<ViewVersion, Set<CellKey>> pending = byVersion(cells.pendingRedis());
            List<PartitionFlush> flushes = new ArrayList<>();
            List<Set<CellKey>> sent = new ArrayList<>();
            for (ViewVersion version : versions) {
                Long from = position.from(version);
                if (from == null) {
                    continue;
                }
                if (announced.add(version)) {
                    writer.announce(version, partition);
                }
                String generation = generations.get(version);
                Set<CellKey> keys = generation == null ? allCells(version)
                        : pending.getOrDefault(version, Set.of());
                flushes.add(new PartitionFlush(version, partition, at, from, position.floor(version), generation,
                        generation == null ? newGeneration() : null, hashes(version, keys)));
                sent.add(keys);
            }
            List<FlushOutcome> outcomes = writer.flush(flushes);
            List<PartitionFlush> rewrites = new ArrayList<>();
            List<Set<CellKey>> rewritten = new ArrayList<>();
            int written = handle(flushes, sent, outcomes, rewrites, rewritten);
            if (!rewrites.isEmpty()) {
                written += handle(rewrites, rewritten, writer.flush(rewrites), new ArrayList<>(), new ArrayList<>());
            }
            metrics.flushed(written, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            metrics.failed();
            announced.clear();
            log.warn("Speed flush of partition={} failed, retried at the next flush: {}", partition, e.toString());
        }
    }

    /** Records the outcomes; versions whose generation changed go to {@code rewrites} with every cell held. */
    private int handle(List<PartitionFlush> flushes, List<Set<CellKey>> sent, List<FlushOutcome> outcomes,
            List<PartitionFlush> rewrites, List<Set<CellKey>> rewritten) {
        int written = 0;
        for (int i = 0; i < flushes.size(); i++) {
            PartitionFlush flush = flushes.get(i);
            switch (outcomes.get(i)) {
                case WRITTEN -> {
                    cells.redisWritten(sent.get(i));
                    if (flush.newGeneration() != null) {
                        generations.put(flush.view(), flush.newGeneration());
                    }
                    written += flush.fieldCount();
                }
                case REFUSED -> {
                    metrics.refused();
                    log.debug("Flush of view={} partition={} position={} refused: Redis holds a newer position",
                            flush.view(), partition, flush.position());
                }
                case GENERATION_CHANGED -> {
                    metrics.rewrite();
                    generations.remove(flush.view());
                    log.info("Generation marker of view={} partition={} missing or changed: rewriting every partial",
                            flush.view(), partition);
                    Set<CellKey> all = allCells(flush.view());
                    rewrites.add(new PartitionFlush(flush.view(), partition, flush.position(), flush.from(),
                            position.floor(flush.view()), null, newGeneration(), hashes(flush.view(), all)));
                    rewritten.add(all);
                }
            }
        }
        return written;
    }

    void cleanup(long wallClockMillis) {
        for (ViewVersion version : versions) {
            try {
                Instant boundary = writer.boundary(version);
                Instant due = boundary == null ? null : due(version, boundary, wallClockMillis);
                if (due == null) {
                    continue;
                }
                long slot = due.getEpochSecond();
                position.raiseFloor(version, slot);
                int removed = cells.remove(key -> key.view().equals(version) && key.slot() < slot);
                long hashes = writer.cleanup(version, partition, due);
                metrics.cleaned(removed);
                if (removed > 0 || hashes > 0) {
                    log.info("Cleaned view={} partition={} before boundary={}: cells={} hashes={}", version,
                            partition, due, removed, hashes);
                }
            } catch (RuntimeException e) {
                metrics.failed();
                log.warn("Speed cleanup of view={} partition={} failed, retried later: {}", version, partition,
                        e.toString());
            }
        }
    }

    /** The latest boundary first seen at least a grace period ago, or null. */
    private @Nullable Instant due(ViewVersion version, Instant boundary, long now) {
        LinkedHashMap<Instant, Long> seen = boundaries.computeIfAbsent(version, v -> new LinkedHashMap<>());
        seen.putIfAbsent(boundary, now);
        Instant due = null;
        for (Map.Entry<Instant, Long> entry : seen.entrySet()) {
            if (entry.getValue() + grace.toMillis() <= now && (due == null || entry.getKey().isAfter(due))) {
                due = entry.getKey();
            }
        }
        if (due != null) {
            Instant kept = due;
            seen.keySet().removeIf(b -> b.isBefore(kept));
        }
        return due;
    }

    private Set<CellKey> allCells(ViewVersion version) {
        Set<CellKey> all = new HashSet<>();
        for (CellKey key : cells.cells().all().keySet()) {
            if (key.view().equals(version)) {
                all.add(key);
            }
        }
        return all;
    }

    private List<HashWrite> hashes(ViewVersion version, Set<CellKey> keys) {
        AggregateMonoid monoid = fold.monoid(version);
        Map<ChunkRef, Map<String, byte[]>> byChunk = new HashMap<>();
        for (CellKey key : keys) {
            Aggregate aggregate = cells.get(key);
            if (aggregate != null) {
                byChunk.computeIfAbsent(key.speedChunk(), c -> new HashMap<>())
                        .put(key.partialField().encode(), monoid.serialize(aggregate));
            }
        }
        List<HashWrite> hashes = new ArrayList<>(byChunk.size());
        byChunk.forEach((chunk, fields) -> hashes.add(new HashWrite(chunk, fields)));
        return hashes;
    }

    private static Map<ViewVersion, Set<CellKey>> byVersion(Set<CellKey> keys) {
        Map<ViewVersion, Set<CellKey>> byVersion = new HashMap<>();
        keys.forEach(key -> byVersion.computeIfAbsent(key.view(), v -> new HashSet<>()).add(key));
        return byVersion;
    }

    private static String newGeneration() {
        return UUID.randomUUID().toString();
    }
}
