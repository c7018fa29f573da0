package io.lambda.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One analytics event: a fact identified by {@code id}.
 *
 * @param id the identity of the fact; two events with the same id are the same event
 * @param type the event type, e.g. {@code pageview}
 * @param timestamp event time
 * @param attributes values are String, Long, Double or Boolean; an immutable copy
 * @param ingestTime set by the platform (Kafka LogAppendTime), null before ingestion
 */
public record Event(String id, String type, Instant timestamp, Map<String, Object> attributes,
        @Nullable Instant ingestTime) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        attributes = Map.copyOf(attributes);
    }

    /** An event that has not been ingested yet. */
    public static Event of(String id, String type, Instant timestamp, Map<String, Object> attributes) {
        return new Event(id, type, timestamp, attributes, null);
    }

    /** This event with the given ingest time. */
    public Event withIngestTime(Instant ingestTime) {
        return new Event(id, type, timestamp, attributes, Objects.requireNonNull(ingestTime, "ingestTime"));
    }
}
