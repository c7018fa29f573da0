package io.lambda.batch.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.ServingKey;
import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;

/**
 * Writes a run's rows exactly as KEYS.md "Batch run" says: the run is entered in {@code runs:{v:ver}} before
 * anything else, and each row hash's {@code bi} index entry is written (and acknowledged) before its fields, so no
 * row hash is ever left out of the index and cleanup finds everything without SCAN. Fields are pipelined.
 */
public final class RunRows {

    private static final int CHUNKS_PER_BATCH = 200;
    private static final int FIELDS_PER_COMMAND = 500;

    private final RedisLinks redis;
    private final ServingKeys keys;

    public RunRows(RedisLinks redis, ServingKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Step 1: enters the run in the view version's runs before it writes anything. */
    public void register(ViewVersion view, String runId, Instant boundary) {
        redis.text().zadd(keys.runs(view.name(), view.version()), boundary.getEpochSecond(), runId);
    }

    /**
     * Step 2: writes the rows of a view version, by chunk.
     *
     * @param rows chunk reference text → (group field bytes → aggregate bytes)
     * @return the number of fields written
     */
    public long write(ViewVersion view, String runId, Map<String, Map<byte[], byte[]>> rows) {
        String index = keys.batchIndex(view.name(), view.version(), runId);
        long written = 0;
        List<Map.Entry<String, Map<byte[], byte[]>>> batch = new ArrayList<>(CHUNKS_PER_BATCH);
        for (Map.Entry<String, Map<byte[], byte[]>> chunk : rows.entrySet()) {
            batch.add(chunk);
            if (batch.size() == CHUNKS_PER_BATCH) {
                written += writeBatch(view, runId, index, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            written += writeBatch(view, runId, index, batch);
        }
        return written;
    }

    private long writeBatch(ViewVersion view, String runId, String index, List<Map.Entry<String, Map<byte[], byte[]>>> chunks) {
        List<ScoredValue<String>> members = new ArrayList<>(chunks.size());
        for (Map.Entry<String, Map<byte[], byte[]>> chunk : chunks) {
            ChunkRef ref = ChunkRef.decode(chunk.getKey());
            members.add(ScoredValue.just(ref.score(), chunk.getKey()));
        }
        redis.text().zadd(index, members.toArray(ScoredValue[]::new));
        List<RedisFuture<?>> pending = new ArrayList<>();
        long written = 0;
        for (Map.Entry<String, Map<byte[], byte[]>> chunk : chunks) {
            byte[] key = keys.key(new ServingKey.BatchRows(view.name(), view.version(), runId, ChunkRef.decode(chunk.getKey())))
                    .getBytes(StandardCharsets.UTF_8);
            Map<byte[], byte[]> fields = new LinkedHashMap<>();
            for (Map.Entry<byte[], byte[]> field : chunk.getValue().entrySet()) {
                fields.put(field.getKey(), field.getValue());
                if (fields.size() == FIELDS_PER_COMMAND) {
                    pending.add(redis.pipeline().hset(key, fields));
                    fields = new LinkedHashMap<>();
                }
            }
            if (!fields.isEmpty()) {
                pending.add(redis.pipeline().hset(key, fields));
            }
            written += chunk.getValue().size();
        }
        redis.await(pending);
        return written;
    }
}
