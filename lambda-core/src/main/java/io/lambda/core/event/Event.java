package io.lambda.core.event;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Minimal stand-in for the shared Event type (the event package owner's version replaces it at merge). */
public record Event(String id, String type, Instant timestamp, Map<String, Object> attributes,
        @Nullable Instant ingestTime) {

    public Event {
        attributes = Map.copyOf(attributes);
    }

    public static Event of(String id, String type, Instant timestamp, Map<String, Object> attributes) {
        return new Event(id, type, timestamp, attributes, null);
    }

    public Event withIngestTime(Instant ingestTime) {
        return new Event(id, type, timestamp, attributes, ingestTime);
    }
}
