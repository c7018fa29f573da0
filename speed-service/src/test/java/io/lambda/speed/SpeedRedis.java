package io.lambda.speed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.PartialField;
import io.lambda.core.serving.ServingKeys;
import io.lambda.test.LambdaStack;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

/** The stack's Redis for tests: one client per JVM, and readers of what the speed layer wrote. */
public final class SpeedRedis {

    private static @Nullable RedisClient client;
    private static @Nullable StatefulRedisConnection<String, byte[]> bytes;
    private static @Nullable StatefulRedisConnection<String, String> strings;

    private SpeedRedis() {
    }

    public static synchronized RedisClient client() {
        if (client == null) {
            LambdaStack stack = LambdaStack.get();
            client = RedisClient.create(RedisURI.create(stack.redis().host(), stack.redis().port()));
        }
        return client;
    }

    /** UTF-8 keys, byte values. */
    public static synchronized StatefulRedisConnection<String, byte[]> bytes() {
        if (bytes == null) {
            bytes = client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        }
        return bytes;
    }

    public static synchronized RedisCommands<String, String> strings() {
        if (strings == null) {
            strings = client().connect();
        }
        return strings.sync();
    }

    /** Every partial field of a (view version, partition) in Redis, found through its index. */
    public static Map<CellKey, byte[]> partials(ServingKeys keys, ViewVersion view, int partition) {
        Map<CellKey, byte[]> partials = new HashMap<>();
        List<byte[]> members = bytes().sync().zrange(keys.speedIndex(view.name(), view.version(), partition), 0, -1);
        for (byte[] member : members) {
            ChunkRef chunk = ChunkRef.decode(new String(member, java.nio.charset.StandardCharsets.UTF_8));
            String hash = keys.speedPartial(view.name(), view.version(), partition, chunk.granularity(),
                    chunk.rollup(), chunk.chunkStart());
            bytes().sync().hgetall(hash).forEach((field, value) -> {
                if (!PartialField.isReserved(field)) {
                    partials.put(CellKey.ofPartial(view, chunk, PartialField.decode(field)), value);
                }
            });
        }
        return partials;
    }

    /** The flushed position of a partition, or null. */
    public static @Nullable Long offset(ServingKeys keys, ViewVersion view, int partition) {
        String offset = strings().get(keys.speedOffset(view.name(), view.version(), partition));
        return offset == null ? null : Long.parseLong(offset);
    }

    /** Deletes every key under the prefix (Redis "losing" one test's data without touching the others'). */
    public static void deleteAll(ServingKeys keys) {
        List<String> found = strings().keys(keys.prefix() + "*");
        if (!found.isEmpty()) {
            strings().del(found.toArray(String[]::new));
        }
    }
}
