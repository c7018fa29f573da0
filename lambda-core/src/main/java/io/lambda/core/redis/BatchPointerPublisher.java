package io.lambda.core.redis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a batch run: one guarded write of the pointer of a view version (invariant 5, {@code T} only moves
 * forward). The script reads the stored pointer and refuses a lower boundary; an equal boundary replaces it (both
 * runs computed the same rows). One key, so it is atomic on Redis Cluster too.
 */
public final class BatchPointerPublisher {

    /**
     * KEYS[1] pointer; ARGV[1] the new pointer text, ARGV[2] its boundary as RFC 3339 text. Boundaries are slot
     * starts (whole seconds), so their {@code Instant.toString} texts have one width and compare as strings.
     */
    static final String SCRIPT = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local t = string.match(current, '^1|[^|]*|([^|]*)|')
              if t and t > ARGV[2] then
                return {0, current}
              end
            end
            redis.call('SET', KEYS[1], ARGV[1])
            return {1, ARGV[1]}
            """;

    private final RedisClusterCommands<String, String> redis;
    private final ServingKeys keys;

    public BatchPointerPublisher(RedisClusterCommands<String, String> redis, ServingKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The outcome of a publish: whether it was published, and the pointer that serves now. */
    public record Outcome(boolean published, BatchPointer serving) {
    }

    /**
     * Publishes {@code pointer} unless a higher boundary is already published.
     *
     * @throws IllegalArgumentException when the boundary is not a whole second
     */
    public Outcome publish(ViewVersion view, BatchPointer pointer) {
        if (pointer.boundary().getNano() != 0) {
            throw new IllegalArgumentException("a boundary is a slot start, got " + pointer.boundary());
        }
        List<Object> result = redis.eval(SCRIPT, ScriptOutputType.MULTI,
                new String[] {keys.pointer(view.name(), view.version())}, pointer.encode(),
                pointer.boundary().toString());
        boolean published = ((Number) result.get(0)).longValue() == 1;
        return new Outcome(published, BatchPointer.decode((String) result.get(1)));
    }

    /** The published pointer of a view version, or null. */
    public @Nullable BatchPointer current(ViewVersion view) {
        String value = redis.get(keys.pointer(view.name(), view.version()));
        return value == null ? null : BatchPointer.decode(value);
    }

    /** The boundary of the published pointer, or null. */
    public @Nullable Instant boundary(ViewVersion view) {
        BatchPointer pointer = current(view);
        return pointer == null ? null : pointer.boundary();
    }
}
