package io.lambda.ingest.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.lambda.core.serving.ArchiveWatermarks;
import io.lambda.core.serving.ServingKeys;

/**
 * The archive watermark in Redis ({@link ServingKeys#archiveWatermark()}, lambda-core/KEYS.md): each archiver raises
 * the fields of the partitions it owns; anyone reads the topic's watermark as the minimum over all partitions.
 */
public final class ArchiveWatermarkStore {

    /** Raises each given field to its value, never lowers one: a watermark once true stays true. */
    private static final RedisScript<Long> RAISE = RedisScript.of("""
            local raised = 0
            for i = 1, #ARGV, 2 do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              if not current or tonumber(current) < tonumber(ARGV[i + 1]) then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
                raised = raised + 1
              end
            end
            return raised
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String key;

    public ArchiveWatermarkStore(StringRedisTemplate redis, ServingKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = keys.archiveWatermark();
    }

    /** Raises the watermarks of the given partitions (one round trip). */
    public void raise(Map<Integer, Instant> watermarks) {
        if (watermarks.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(watermarks.size() * 2);
        watermarks.forEach((partition, watermark) -> {
            args.add(ArchiveWatermarks.field(partition));
            args.add(ArchiveWatermarks.value(watermark));
        });
        redis.execute(RAISE, List.of(key), args.toArray());
    }

    /** Every partition's published watermark. */
    public Map<Integer, Instant> perPartition() {
        Map<Object, Object> hash = redis.opsForHash().entries(key);
        Map<String, String> text = new HashMap<>();
        hash.forEach((field, value) -> text.put(field.toString(), value.toString()));
        return ArchiveWatermarks.decode(text);
    }

    /** The topic's watermark: the minimum over its {@code partitions} partitions, empty while any is unknown. */
    public Optional<Instant> overall(int partitions) {
        return ArchiveWatermarks.overall(perPartition(), partitions);
    }
}
