package io.lambda.speed.topology;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.lambda.core.metric.SketchSettings;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewDefinition;

/**
 * Everything the topology is a function of, besides its records.
 *
 * @param topic           the event topic; bad records go to {@code <topic>.dlt}
 * @param views           every view version to compute (the active versions of the registry)
 * @param sketches        the sketch sizes ({@code lambda.sketches.*})
 * @param slots           the ingest slots ({@code lambda.slot})
 * @param dedupWindow     how long an id is remembered, in effective ingest time
 * @param flushInterval   wall-clock period of the Redis flush
 * @param cleanupInterval wall-clock period of reading the batch pointers
 * @param cleanupGrace    how long partials of slots before a published boundary stay after it was first seen
 */
public record SpeedSettings(String topic, List<ViewDefinition> views, SketchSettings sketches, IngestSlots slots,
        Duration dedupWindow, Duration flushInterval, Duration cleanupInterval, Duration cleanupGrace) {

    public SpeedSettings {
        Objects.requireNonNull(topic, "topic");
        views = List.copyOf(views);
        Objects.requireNonNull(sketches, "sketches");
        Objects.requireNonNull(slots, "slots");
        requirePositive(dedupWindow, "dedupWindow");
        requirePositive(flushInterval, "flushInterval");
        requirePositive(cleanupInterval, "cleanupInterval");
        Objects.requireNonNull(cleanupGrace, "cleanupGrace");
        if (cleanupGrace.isNegative()) {
            throw new IllegalArgumentException("cleanupGrace must not be negative: " + cleanupGrace);
        }
    }

    /** The dead-letter topic. */
    public String deadLetterTopic() {
        return topic + ".dlt";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
