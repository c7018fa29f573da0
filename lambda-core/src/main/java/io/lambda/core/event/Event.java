package io.lambda.core.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One immutable fact: something of a {@code type} happened at {@code timestamp}.
 *
 * <p>Attribute values are {@link String}, {@link Long}, {@link Double} or {@link Boolean} only. For convenience
 * the constructor widens {@link Integer}, {@link Short} and {@link Byte} to {@code Long} and {@link Float} to
 * {@code Double}, so {@code Map.of("durationMs", 5400)} equals the same event read from JSON or Avro; any other
 * value type is an {@link IllegalArgumentException}. The attributes map is an immutable copy (iteration order is
 * unspecified).
 *
 * <p>The record checks types only. Whether an event is acceptable (id format, timestamp window, attribute limits)
 * is decided by {@link EventValidator}.
 *
 * @param id the identity of the fact: two events with the same id are the same event
 * @param type the event type, e.g. {@code pageview}
 * @param timestamp event time; events read from JSON or Avro carry millisecond precision
 * @param attributes attribute values by key; never null, possibly empty
 * @param ingestTime set by the platform (the Kafka record's LogAppendTime), null until the event was appended
 */
public record Event(String id, String type, Instant timestamp, Map<String, Object> attributes,
                    @Nullable Instant ingestTime) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        attributes = copyAttributes(Objects.requireNonNull(attributes, "attributes"));
    }

    /** An event not yet ingested ({@code ingestTime} null). */
    public static Event of(String id, String type, Instant timestamp, Map<String, ?> attributes) {
        return new Event(id, type, timestamp, widen(attributes), null);
    }

    /** This event as appended to the log at {@code ingestTime}. */
    public Event withIngestTime(Instant ingestTime) {
        return new Event(id, type, timestamp, attributes, Objects.requireNonNull(ingestTime, "ingestTime"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> widen(Map<String, ?> attributes) {
        return (Map<String, Object>) attributes; // read-only use: copyAttributes copies it
    }

    private static Map<String, Object> copyAttributes(Map<String, Object> attributes) {
        if (attributes instanceof FrozenAttributes) { // immutable already: check the types, skip the copy
            attributes.forEach(Event::requireSupported);
            return attributes;
        }
        Map<String, Object> widened = null;
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            Object value = Objects.requireNonNull(entry.getValue(), () -> "attribute '" + entry.getKey() + "'");
            Object normalised = normalise(entry.getKey(), value);
            if (normalised != value) {
                if (widened == null) {
                    widened = new HashMap<>(attributes);
                }
                widened.put(entry.getKey(), normalised);
            }
        }
        return Map.copyOf(widened == null ? attributes : widened);
    }

    private static void requireSupported(String key, Object value) {
        if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean)) {
            throw unsupported(key, value);
        }
    }

    private static Object normalise(String key, Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        throw unsupported(key, value);
    }

    private static IllegalArgumentException unsupported(String key, Object value) {
        return new IllegalArgumentException("attribute '" + key + "' has unsupported type "
                + value.getClass().getName() + ": use String, Long, Double or Boolean");
    }
}
