package io.lambda.core.event;

import java.time.Duration;

/**
 * Every message the event reader and validator produce, in one place. The texts are part of the API: clients see
 * them in the {@code errors} of an ingest response, and tests compare them verbatim.
 *
 * <p>Names from the request (field names, attribute keys) are quoted with single quotes and shortened to
 * {@value #MAX_QUOTED_NAME} characters plus {@code ...}.
 */
public final class EventMessages {

    /** Longest client-supplied name repeated verbatim in a message. */
    public static final int MAX_QUOTED_NAME = 64;

    public static final String EVENT_NOT_OBJECT = "event must be a JSON object";
    public static final String INGEST_TIME_SET = "ingestTime is set by the platform";

    public static final String ID_REQUIRED = "id is required";
    public static final String ID_NOT_STRING = "id must be a string";
    public static final String ID_FORMAT = "id must be 1-" + EventValidator.MAX_ID_LENGTH + " characters of [A-Za-z0-9._:-]";

    public static final String TYPE_REQUIRED = "type is required";
    public static final String TYPE_NOT_STRING = "type must be a string";
    public static final String TYPE_FORMAT = "type must match [a-z][a-z0-9_.-]{0," + (EventValidator.MAX_TYPE_LENGTH - 1) + "}";

    public static final String TIMESTAMP_REQUIRED = "timestamp is required";
    public static final String TIMESTAMP_FORMAT = "timestamp must be an RFC 3339 date-time or integral epoch milliseconds";

    public static final String ATTRIBUTES_NOT_OBJECT = "attributes must be a JSON object";
    public static final String TOO_MANY_ATTRIBUTES = "attributes has more than " + EventValidator.MAX_ATTRIBUTES + " entries";

    public static final String BODY_EMPTY = "body is empty";
    public static final String BODY_NOT_EVENTS = "body must be a JSON object or an array of JSON objects";

    private EventMessages() {
    }

    public static String unknownField(String name) {
        return "unknown field " + quote(name);
    }

    public static String duplicateField(String name) {
        return "duplicate field " + quote(name);
    }

    public static String duplicateAttribute(String key) {
        return "duplicate attribute " + quote(key);
    }

    /** E.g. {@code timestamp is more than 5 minutes in the future}. */
    public static String timestampInFuture(Duration maxFuture) {
        return "timestamp is more than " + describe(maxFuture) + " in the future";
    }

    /** E.g. {@code timestamp is older than 365 days}. */
    public static String timestampTooOld(Duration maxAge) {
        return "timestamp is older than " + describe(maxAge);
    }

    public static String attributeKeyInvalid(String key) {
        return "attribute key " + quote(key) + " must match [A-Za-z_][A-Za-z0-9_.-]{0,"
                + (EventValidator.MAX_ATTRIBUTE_KEY_LENGTH - 1) + "}";
    }

    public static String attributeTooLong(String key) {
        return "attribute " + quote(key) + " is longer than " + EventValidator.MAX_ATTRIBUTE_STRING_LENGTH + " characters";
    }

    public static String attributeNotUnicode(String key) {
        return "attribute " + quote(key) + " holds an unpaired UTF-16 surrogate (not Unicode text)";
    }

    public static String attributeNull(String key) {
        return "attribute " + quote(key) + " must be a string, number or boolean, not null";
    }

    public static String attributeArray(String key) {
        return "attribute " + quote(key) + " must be a string, number or boolean, not an array";
    }

    public static String attributeObject(String key) {
        return "attribute " + quote(key) + " must be a string, number or boolean, not an object";
    }

    public static String attributeUnsupported(String key) {
        return "attribute " + quote(key) + " must be a string, number or boolean";
    }

    public static String attributeOutOfRange(String key) {
        return "attribute " + quote(key) + " is outside the 64-bit integer range";
    }

    public static String attributeNotFinite(String key) {
        return "attribute " + quote(key) + " must be a finite number";
    }

    /** The body could not be parsed, e.g. {@code malformed JSON at line 1, column 9: Unexpected end-of-input ...}. */
    public static String malformed(int line, int column, String detail) {
        return "malformed JSON" + at(line, column) + ": " + detail;
    }

    /** A parser limit (nesting depth, number, string or name length) was crossed. */
    public static String parserLimit(int line, int column, String detail) {
        return "JSON exceeds a parser limit" + at(line, column) + ": " + detail;
    }

    /** Something follows the one JSON value a body (or an NDJSON line) may hold. */
    public static String trailingContent(int line, int column) {
        return "unexpected content after the JSON value" + at(line, column);
    }

    public static String tooManyEvents(int maxEvents) {
        return "body has more than " + maxEvents + " events";
    }

    public static String bodyTooLarge(long maxBytes) {
        return "body is larger than " + maxBytes + " bytes";
    }

    /** {@code 5 minutes}, {@code 1 day}, {@code 90 seconds}: the largest whole unit. */
    static String describe(Duration duration) {
        if (duration.getNano() != 0) {
            return plural(duration.toMillis(), "millisecond");
        }
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    /** {@code " at line 3, column 7"}; shorter when the parser could not tell. */
    private static String at(int line, int column) {
        if (line < 1) {
            return "";
        }
        return column < 1 ? " at line " + line : " at line " + line + ", column " + column;
    }

    private static String quote(String name) {
        String shown = name.length() <= MAX_QUOTED_NAME ? name : name.substring(0, MAX_QUOTED_NAME) + "...";
        return "'" + shown + "'";
    }
}
