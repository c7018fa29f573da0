package io.lambda.core.event;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The event rules of DESIGN.md section 4, as a pure function: no I/O, no clock; the validation time is an argument.
 *
 * <p>Checks run in a fixed order and the first failure is the message: the reader's structural problem, then id,
 * type, timestamp, attributes (attributes in document order). Timestamps are normalised to UTC and truncated to
 * milliseconds, the precision the platform keeps. A top-level JSON {@code null} counts as an absent field.
 * Thread-safe.
 */
public final class EventValidator {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TYPE_LENGTH = 64;
    public static final int MAX_ATTRIBUTES = 64;
    public static final int MAX_ATTRIBUTE_KEY_LENGTH = 64;
    /** In Unicode code points. */
    public static final int MAX_ATTRIBUTE_STRING_LENGTH = 1024;

    private final EventRules rules;
    private final String futureMessage;
    private final String ageMessage;

    public EventValidator(EventRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.futureMessage = EventMessages.timestampInFuture(rules.maxFuture());
        this.ageMessage = EventMessages.timestampTooOld(rules.maxAge());
    }

    public EventRules rules() {
        return rules;
    }

    /**
     * Accepts {@code raw} as the event at {@code index} of its request, or rejects it with one message. A rejection
     * carries the event's id when that id is itself valid, so the client can tell which event failed.
     */
    public Admission validate(int index, RawEvent raw, Instant now) {
        String id = raw.id() instanceof String s && EventSyntax.isValidId(s) ? s : null;
        String problem = raw.readProblem();
        if (problem == null && id == null) {
            problem = idProblem(raw.id());
        }
        if (problem == null) {
            problem = typeProblem(raw.type());
        }
        Instant timestamp = null;
        if (problem == null) {
            timestamp = timestamp(raw.timestamp());
            problem = timestamp == null ? timestampProblem(raw.timestamp()) : windowProblem(timestamp, now);
        }
        if (problem == null) {
            problem = attributesProblem(raw.attributes());
        }
        if (problem != null) {
            return new Admission.Rejected(index, id, problem);
        }
        return new Admission.Accepted(index, new Event(
                Objects.requireNonNull(id), (String) Objects.requireNonNull(raw.type()),
                Objects.requireNonNull(timestamp), attributes(raw.attributes()), null));
    }

    /** Why {@code id}, known to be no valid id, is not. */
    private static String idProblem(@Nullable Object id) {
        if (isAbsent(id)) {
            return EventMessages.ID_REQUIRED;
        }
        return id instanceof String ? EventMessages.ID_FORMAT : EventMessages.ID_NOT_STRING;
    }

    private static @Nullable String typeProblem(@Nullable Object type) {
        if (isAbsent(type)) {
            return EventMessages.TYPE_REQUIRED;
        }
        if (!(type instanceof String s)) {
            return EventMessages.TYPE_NOT_STRING;
        }
        return EventSyntax.isValidType(s) ? null : EventMessages.TYPE_FORMAT;
    }

    private static @Nullable Instant timestamp(@Nullable Object value) {
        if (value instanceof String text) {
            return Rfc3339.parse(text);
        }
        return value instanceof Long millis ? Instant.ofEpochMilli(millis) : null;
    }

    private static String timestampProblem(@Nullable Object value) {
        return isAbsent(value) ? EventMessages.TIMESTAMP_REQUIRED : EventMessages.TIMESTAMP_FORMAT;
    }

    private @Nullable String windowProblem(Instant timestamp, Instant now) {
        if (exceeds(timestamp, now, rules.maxFuture())) {
            return futureMessage;
        }
        if (exceeds(now, timestamp, rules.maxAge())) {
            return ageMessage;
        }
        return null;
    }

    /**
     * Whether {@code later - earlier > limit}. In plain arithmetic: {@code now.plus(maxAge)} could overflow for huge
     * rules, and {@code Duration.negated()} computes with BigDecimal.
     */
    private static boolean exceeds(Instant later, Instant earlier, Duration limit) {
        long seconds = later.getEpochSecond() - earlier.getEpochSecond(); // fits: instants span less than 2^56 s
        int nanos = later.getNano() - earlier.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        return seconds > limit.getSeconds() || (seconds == limit.getSeconds() && nanos > limit.getNano());
    }

    private static @Nullable String attributesProblem(@Nullable Object attributes) {
        if (isAbsent(attributes)) {
            return null;
        }
        if (!(attributes instanceof Map<?, ?> map)) {
            return EventMessages.ATTRIBUTES_NOT_OBJECT;
        }
        if (map.size() > MAX_ATTRIBUTES) {
            return EventMessages.TOO_MANY_ATTRIBUTES;
        }
        FirstProblem first = new FirstProblem();
        map.forEach(first); // forEach: no entry objects allocated for the iteration
        return first.problem;
    }

    /** Collects the first attribute problem in iteration order (document order, for the reader's maps). */
    private static final class FirstProblem implements BiConsumer<Object, Object> {

        private @Nullable String problem;

        @Override
        public void accept(Object key, @Nullable Object value) {
            if (problem == null) {
                String name = (String) key;
                problem = EventSyntax.isValidAttributeKey(name) ? attributeValueProblem(name, value)
                        : EventMessages.attributeKeyInvalid(name);
            }
        }
    }

    /**
     * Whether the text holds a UTF-16 surrogate without its pair: not Unicode text, so Avro and Redis (UTF-8) would
     * store {@code ?} instead and the immutable fact would differ from what the client sent.
     */
    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String attributeValueProblem(String key, @Nullable Object value) {
        if (value instanceof String s) {
            boolean tooLong = s.length() > MAX_ATTRIBUTE_STRING_LENGTH
                    && s.codePointCount(0, s.length()) > MAX_ATTRIBUTE_STRING_LENGTH;
            if (tooLong) {
                return EventMessages.attributeTooLong(key);
            }
            return hasUnpairedSurrogate(s) ? EventMessages.attributeNotUnicode(key) : null;
        }
        if (value instanceof Long || value instanceof Boolean) {
            return null;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? null : EventMessages.attributeNotFinite(key);
        }
        if (value instanceof BigInteger) {
            return EventMessages.attributeOutOfRange(key);
        }
        if (value == null || value == RawEvent.Shape.NULL) {
            return EventMessages.attributeNull(key);
        }
        if (value == RawEvent.Shape.ARRAY) {
            return EventMessages.attributeArray(key);
        }
        if (value == RawEvent.Shape.OBJECT) {
            return EventMessages.attributeObject(key);
        }
        return EventMessages.attributeUnsupported(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(@Nullable Object attributes) {
        return attributes instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static boolean isAbsent(@Nullable Object value) {
        return value == null || value == RawEvent.Shape.NULL;
    }
}
