package io.lambda.core.event;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One event object as read from JSON, before {@link EventValidator} checks it.
 *
 * <p>Each field holds the JSON value found, or {@code null} when the field was absent. JSON values are
 * represented as: {@link String}; {@link Long} for integral numbers, {@link BigInteger} for integral numbers
 * beyond the {@code long} range; {@link Double} for other numbers; {@link Boolean}; a {@link Shape} for
 * {@code null}, arrays and objects (whose content is not kept). The exception is {@code attributes} holding an
 * object: it is a {@code Map<String, Object>} of the member values in document order, again in this
 * representation.
 *
 * @param readProblem the first problem with the object's structure the reader found (an unknown or duplicate
 *     field, a duplicate attribute key, a client-set {@code ingestTime}), already worded by {@link EventMessages};
 *     null when there was none
 */
public record RawEvent(@Nullable Object id, @Nullable Object type, @Nullable Object timestamp,
                       @Nullable Object attributes, @Nullable String readProblem) {

    /** A JSON value whose content the reader does not keep. */
    public enum Shape {
        NULL, ARRAY, OBJECT
    }

    public RawEvent {
        if (attributes instanceof Map<?, ?> map && !(attributes instanceof FrozenAttributes)) {
            // a read-only view, not a copy: a raw event lives only from reading to validation
            attributes = Collections.unmodifiableMap(map);
        }
    }

    /** An event object without structural problems. */
    public static RawEvent of(@Nullable Object id, @Nullable Object type, @Nullable Object timestamp,
                              @Nullable Object attributes) {
        return new RawEvent(id, type, timestamp, attributes, null);
    }
}
