package io.lambda.batch.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.lambda.core.serving.ArchiveWatermarks;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * Which boundaries a run may use: slot starts at or below the archive watermark (the minimum over every partition
 * of the event topic, its real partition count read from Kafka). The default is the highest of them.
 */
public class Boundaries {

    private final RedisClusterCommands<String, String> redis;
    private final ServingKeys keys;
    private final EventTopicPartitions partitions;
    private final IngestSlots slots;

    public Boundaries(RedisClusterCommands<String, String> redis, ServingKeys keys, EventTopicPartitions partitions,
            IngestSlots slots) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.partitions = Objects.requireNonNull(partitions, "partitions");
        this.slots = Objects.requireNonNull(slots, "slots");
    }

    /** The highest allowed boundary: the slot start at or below the archive watermark; empty while there is none. */
    public Optional<Instant> maximum() {
        return ArchiveWatermarks.overallOfHash(redis.hgetall(keys.archiveWatermark()), partitions.count())
                .map(slots::slotStart);
    }

    /**
     * The boundary of a run: the requested one when allowed, else the highest allowed.
     *
     * @throws NoWatermarkException      when the archive has no watermark yet
     * @throws BoundaryRefusedException when the requested boundary is above the maximum or not a slot start
     */
    public Instant choose(@Nullable Instant requested) {
        Instant maximum = maximum().orElseThrow(NoWatermarkException::new);
        if (requested == null) {
            return maximum;
        }
        if (!slots.isSlotStart(requested)) {
            throw new BoundaryRefusedException(requested, maximum, "is not the start of a " + slots.length() + " slot");
        }
        if (requested.isAfter(maximum)) {
            throw new BoundaryRefusedException(requested, maximum, "is above the archive watermark");
        }
        return requested;
    }

    public IngestSlots slots() {
        return slots;
    }

    /** The archive has published no watermark for some partition yet: no boundary is safe. */
    public static final class NoWatermarkException extends RuntimeException {
        public NoWatermarkException() {
            super("the archive watermark is not known yet (some partition of the event topic has none): no run can start");
        }
    }

    /** A requested boundary that is not allowed; names the maximum. */
    public static final class BoundaryRefusedException extends RuntimeException {

        private final Instant maximum;

        public BoundaryRefusedException(Instant requested, Instant maximum, String reason) {
            super("boundary " + requested + " " + reason + "; the highest allowed boundary is " + maximum);
            this.maximum = maximum;
        }

        public Instant maximum() {
            return maximum;
        }
    }
}
