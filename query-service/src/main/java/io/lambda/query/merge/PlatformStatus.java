package io.lambda.query.merge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lambda.core.serving.ArchiveWatermarks;
import io.lambda.core.view.ViewDefinition;
import io.lambda.query.store.BatchRuns;
import io.lambda.query.store.EventLog;
import io.lambda.query.store.RedisReads;
import io.lambda.query.store.ServingStore;
import io.lambda.query.store.SpeedPositions;
import io.lambda.query.store.TopicEnd;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/status}: the topic's end, the archive watermark, the speed layer's lag over the served versions,
 * the batch boundary (the oldest served pointer) and the batch service's last run, and each view's versions.
 */
public final class PlatformStatus {

    private final ViewVersions versions;
    private final ServingStore store;
    private final RedisReads redis;
    private final EventLog log;
    private final BatchRuns batch;
    private final Clock clock;

    public PlatformStatus(ViewVersions versions, ServingStore store, RedisReads redis, EventLog log, BatchRuns batch,
            Clock clock) {
        this.versions = versions;
        this.store = store;
        this.redis = redis;
        this.log = log;
        this.batch = batch;
        this.clock = clock;
    }

    /** One view's versions. */
    public record ViewState(String name, String serving, @Nullable String pending, @Nullable Instant boundary) {
    }

    /**
     * The status.
     *
     * @param speedLag     events in the topic not yet flushed by the speed layer, for the most-behind served version
     *                     of each partition
     * @param speedRunning whether the speed layer has flushed any position of a served version
     * @param missingBefore the highest speed floor above its view's served boundary over every view, or null (see
     *                      {@link Completeness#missingBefore()})
     * @param boundary     the oldest batch boundary of the served versions, null when one has none
     * @param speedLagMs   0 when the speed lag is 0; null otherwise (how long the oldest unflushed event waits is not
     *                     read)
     * @param batchAgeMs   now minus {@code boundary}
     */
    public record Snapshot(TopicEnd topic, @Nullable Instant archiveWatermark, long speedLag, boolean speedRunning,
            @Nullable Instant missingBefore, @Nullable Instant boundary, BatchRuns.Answer lastRun,
            @Nullable Long speedLagMs, @Nullable Long batchAgeMs, List<ViewState> views) {
    }

    public Snapshot read() {
        long arrived = System.nanoTime();
        var end = log.endAfter(arrived);
        long deadline = redis.deadline();
        Map<String, String> watermarks = store.archiveWatermarks(deadline);
        TopicEnd topic = log.await(end);
        int partitions = topic.partitions();
        Optional<Instant> watermark = ArchiveWatermarks.overallOfHash(watermarks, partitions);
        List<ViewState> views = new ArrayList<>();
        Map<Integer, Long> slowest = new HashMap<>();
        boolean anyFlushed = false;
        boolean everyBoundary = !versions.catalog().isEmpty();
        Instant oldestBoundary = null;
        Instant missingBefore = null;
        for (ViewDefinition view : versions.catalog()) {
            ServedView served = versions.serve(view, partitions, deadline);
            Instant boundary = served.pointer() == null ? null : served.pointer().boundary();
            views.add(new ViewState(view.name(), served.version(), served.pending(), boundary));
            if (boundary == null) {
                everyBoundary = false;
            } else if (oldestBoundary == null || boundary.isBefore(oldestBoundary)) {
                oldestBoundary = boundary;
            }
            SpeedPositions positions = store.positions(view.name(), served.version(), partitions, deadline);
            Map<Integer, Long> offsets = positions.offsets();
            Instant missing = positions.missingBefore(boundary);
            if (missing != null && (missingBefore == null || missing.isAfter(missingBefore))) {
                missingBefore = missing;
            }
            for (int p = 0; p < partitions; p++) {
                Long offset = offsets.get(p);
                anyFlushed |= offset != null;
                long lag = topic.lag(p, offset);
                slowest.merge(p, lag, Math::max);
            }
        }
        long speedLag = slowest.values().stream().mapToLong(Long::longValue).sum();
        Instant boundary = everyBoundary ? oldestBoundary : null;
        Instant now = clock.instant();
        Long batchAgeMs = boundary == null ? null : Math.max(0, Duration.between(boundary, now).toMillis());
        return new Snapshot(topic, watermark.orElse(null), speedLag, anyFlushed, missingBefore, boundary,
                batch.lastRun(), speedLag == 0 ? Long.valueOf(0) : null, batchAgeMs, views);
    }
}
