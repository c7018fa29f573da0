package io.lambda.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.ServingKey;
import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * What one batch run's rows cost in Redis: every row hash the run's {@code bi:{v:ver}:<runId>} index lists (KEYS.md
 * "Batch run"), its {@code MEMORY USAGE ... SAMPLES 0} (every field counted, key and overhead included) beside the
 * bytes of the serialized aggregates it holds.
 *
 * @param hashes      row hashes
 * @param aggregates  fields (one stored aggregate each)
 * @param memory      sum of MEMORY USAGE of the hashes
 * @param valueBytes  sum of the aggregates' serialized bytes
 * @param fieldBytes  sum of the field names' bytes (GroupField)
 * @param listpacks   hashes Redis keeps as listpacks (the rest are hash tables)
 */
record BatchRowMemory(long hashes, long aggregates, long memory, long valueBytes, long fieldBytes, long listpacks) {

    /** Redis memory per stored aggregate over its serialized bytes. */
    double overhead() {
        return (double) memory / valueBytes;
    }

    /**
     * Measures the rows of {@code runId} of every view version that has a {@code bi} index for it (found with SCAN,
     * so the versions are the service's, whatever lambda-core this JVM has).
     */
    static BatchRowMemory measure(String host, int port, ServingKeys keys, String runId) {
        RedisClient client = RedisClient.create(RedisURI.create(host, port));
        try (StatefulRedisConnection<String, String> text = client.connect();
             StatefulRedisConnection<byte[], byte[]> binary = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<String, String> redis = text.sync();
            long hashes = 0;
            long aggregates = 0;
            long memory = 0;
            long values = 0;
            long fields = 0;
            long listpacks = 0;
            for (ServingKey.BatchIndex index : indexes(redis, keys, runId)) {
                for (String chunk : redis.zrange(keys.key(index), 0, -1)) {
                    String key = keys.key(new ServingKey.BatchRows(index.view(), index.version(), runId,
                            ChunkRef.decode(chunk)));
                    hashes++;
                    memory += redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8),
                            new CommandArgs<>(StringCodec.UTF8).add("USAGE").addKey(key).add("SAMPLES").add(0));
                    if ("listpack".equals(redis.objectEncoding(key))) {
                        listpacks++;
                    }
                    for (Map.Entry<byte[], byte[]> field : binary.sync().hgetall(key.getBytes(StandardCharsets.UTF_8))
                            .entrySet()) {
                        aggregates++;
                        fields += field.getKey().length;
                        values += field.getValue().length;
                    }
                }
            }
            return new BatchRowMemory(hashes, aggregates, memory, values, fields, listpacks);
        } finally {
            client.shutdown();
        }
    }

    /** The {@code bi:{<view>:<version>}:<runId>} indexes of a run. */
    private static List<ServingKey.BatchIndex> indexes(RedisCommands<String, String> redis, ServingKeys keys,
            String runId) {
        List<ServingKey.BatchIndex> indexes = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor,
                    ScanArgs.Builder.matches(keys.prefix() + "bi:{*}:" + runId).limit(1_000));
            for (String key : page.getKeys()) {
                if (keys.parse(key) instanceof ServingKey.BatchIndex index) {
                    indexes.add(index);
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return indexes;
    }
}
