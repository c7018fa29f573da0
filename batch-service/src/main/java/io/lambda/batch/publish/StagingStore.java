package io.lambda.batch.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;

/**
 * The partial aggregates of one partition of a run, staged in Redis so that the step that merges them can run
 * anywhere (remote partitioning): {@code <p>stage:{<view>:<version>}:<runId>:<partition>}, a hash of
 * {@code <ChunkRef>/<GroupField>} → aggregate bytes, plus {@code ~done} = cell count, written last: a partition's
 * staging is complete exactly when {@code ~done} is there. Removed after the run is published, or with the run.
 */
public final class StagingStore {

    /** The field written last, once every cell of the partition is staged. */
    static final byte[] DONE = "~done".getBytes(StandardCharsets.UTF_8);
    private static final int FIELDS_PER_COMMAND = 500;

    private final RedisLinks redis;
    private final String prefix;

    public StagingStore(RedisLinks redis, ServingKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = keys.prefix();
    }

    /** The staging hash of a view version, run and partition. */
    public String key(ViewVersion view, String runId, int partition) {
        return prefix + "stage:{" + view.name() + ":" + view.version() + "}:" + runId + ":" + partition;
    }

    /** The staged field of a cell: {@code <ChunkRef>/<GroupField>}. */
    public static byte[] field(CellKey cell) {
        return (cell.batchChunk().encode() + "/" + cell.groupField().encode()).getBytes(StandardCharsets.UTF_8);
    }

    /** Removes the staging of a partition (before it is computed again). */
    public void clear(Collection<ViewVersion> views, String runId, int partition) {
        for (ViewVersion view : views) {
            redis.binary().unlink(bytes(key(view, runId, partition)));
        }
    }

    /** Removes the staging of every partition of a run. */
    public void clearRun(Collection<ViewVersion> views, String runId, int partitions) {
        List<RedisFuture<?>> pending = new ArrayList<>();
        for (ViewVersion view : views) {
            for (int p = 0; p < partitions; p++) {
                pending.add(redis.pipeline().unlink(bytes(key(view, runId, p))));
            }
        }
        redis.await(pending);
    }

    /** Stages the cells of a view version of one partition, then marks the partition's staging complete. */
    public void stage(ViewVersion view, String runId, int partition, List<byte[][]> cells) {
        byte[] key = bytes(key(view, runId, partition));
        List<RedisFuture<?>> pending = new ArrayList<>();
        Map<byte[], byte[]> batch = new LinkedHashMap<>();
        for (byte[][] cell : cells) {
            batch.put(cell[0], cell[1]);
            if (batch.size() == FIELDS_PER_COMMAND) {
                pending.add(redis.pipeline().hset(key, batch));
                batch = new LinkedHashMap<>();
            }
            if (pending.size() >= 200) {
                redis.await(pending);
                pending.clear();
            }
        }
        if (!batch.isEmpty()) {
            pending.add(redis.pipeline().hset(key, batch));
        }
        redis.await(pending);
        redis.binary().hset(key, DONE, bytes(Integer.toString(cells.size())));
    }

    /** Whether the partition's staging of a view version is complete. */
    public boolean isComplete(ViewVersion view, String runId, int partition) {
        return Boolean.TRUE.equals(redis.binary().hexists(bytes(key(view, runId, partition)), DONE));
    }

    /** Every staged cell of a partition: {@code (field, aggregate bytes)}, in no order. */
    public void forEach(ViewVersion view, String runId, int partition, BiConsumer<byte[], byte[]> cell) {
        byte[] key = bytes(key(view, runId, partition));
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs args = ScanArgs.Builder.limit(1000);
        do {
            MapScanCursor<byte[], byte[]> page = redis.binary().hscan(key, cursor, args);
            page.getMap().forEach((field, value) -> {
                if (!java.util.Arrays.equals(field, DONE)) {
                    cell.accept(field, value);
                }
            });
            cursor = page;
        } while (!cursor.isFinished());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
