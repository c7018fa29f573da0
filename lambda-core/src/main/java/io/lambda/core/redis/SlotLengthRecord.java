package io.lambda.core.redis;

import java.time.Duration;
import java.util.Objects;

import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The slot length is recorded once ({@code <p>slot}, seconds): every service checks its {@code lambda.slot} against
 * it at start and refuses to run with another value, since slots of two lengths would cut the same history in two
 * incompatible ways. The first service to start records its value.
 */
public final class SlotLengthRecord {

    private SlotLengthRecord() {
    }

    /**
     * Records the slot length if none is recorded, then checks it.
     *
     * @throws IllegalStateException naming both values when Redis records another length
     */
    public static void verify(RedisClusterCommands<String, String> redis, ServingKeys keys, IngestSlots slots) {
        Objects.requireNonNull(slots, "slots");
        String key = keys.slotLength();
        String configured = Long.toString(slots.length().getSeconds());
        redis.setnx(key, configured);
        String recorded = redis.get(key);
        if (recorded != null && !recorded.equals(configured)) {
            throw new IllegalStateException("lambda.slot is " + slots.length() + " but this platform records "
                    + Duration.ofSeconds(Long.parseLong(recorded)) + " (Redis key " + key
                    + "): start every service with lambda.slot=" + Duration.ofSeconds(Long.parseLong(recorded))
                    + ", or reset the platform's data to change it");
        }
    }
}
