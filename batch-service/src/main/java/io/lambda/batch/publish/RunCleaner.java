package io.lambda.batch.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.redis.BatchPointerPublisher;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.ServingKey;
import io.lambda.core.serving.ServingKeys;

/**
 * KEYS.md "Batch run" step 4: once the serving pointer of a view version is older than the grace period (longer
 * than any query), every other run in {@code runs:{v:ver}} that is not in flight is removed: each row hash listed in
 * its {@code bi} index, then the index, its staging, and its entry in {@code runs}. No SCAN.
 */
public final class RunCleaner {

    private static final Logger log = LoggerFactory.getLogger(RunCleaner.class);
    private static final int KEYS_PER_UNLINK = 500;

    private final RedisLinks redis;
    private final ServingKeys keys;
    private final StagingStore staging;
    private final BatchPointerPublisher pointers;

    public RunCleaner(RedisLinks redis, ServingKeys keys, StagingStore staging) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.staging = Objects.requireNonNull(staging, "staging");
        this.pointers = new BatchPointerPublisher(redis.text(), keys);
    }

    /**
     * Removes the view version's runs that no longer serve, when its pointer was published at least {@code grace}
     * ago.
     *
     * @param inFlight   run ids still running (never removed)
     * @param partitions the event topic's partition count (staging keys are per partition)
     * @return the run ids removed
     */
    public List<String> removeOldRuns(ViewVersion view, Set<String> inFlight, Instant now, Duration grace, int partitions) {
        BatchPointer serving = pointers.current(view);
        if (serving == null || serving.publishedAt().plus(grace).isAfter(now)) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        for (String runId : redis.text().zrange(keys.runs(view.name(), view.version()), 0, -1)) {
            if (!runId.equals(serving.runId()) && !inFlight.contains(runId)) {
                remove(view, runId, partitions);
                removed.add(runId);
            }
        }
        if (!removed.isEmpty()) {
            log.info("Removed old batch runs view={} runs={} serving={}", view, removed, serving.runId());
        }
        return removed;
    }

    /** Removes one run's rows, index, staging and runs entry. */
    public void remove(ViewVersion view, String runId, int partitions) {
        String index = keys.batchIndex(view.name(), view.version(), runId);
        List<String> rows = new ArrayList<>();
        for (String member : redis.text().zrange(index, 0, -1)) {
            rows.add(keys.key(new ServingKey.BatchRows(view.name(), view.version(), runId, ChunkRef.decode(member))));
            if (rows.size() == KEYS_PER_UNLINK) {
                unlink(rows);
                rows.clear();
            }
        }
        unlink(rows);
        redis.text().unlink(index);
        staging.clearRun(List.of(view), runId, partitions);
        redis.text().zrem(keys.runs(view.name(), view.version()), runId);
    }

    private void unlink(List<String> rowKeys) {
        // one key per command (batch rows carry no hash tag, so on a cluster they live on different nodes), pipelined
        List<io.lettuce.core.RedisFuture<?>> pending = new ArrayList<>(rowKeys.size());
        for (String key : rowKeys) {
            pending.add(redis.pipeline().unlink(StagingStore.bytes(key)));
        }
        redis.await(pending);
    }
}
