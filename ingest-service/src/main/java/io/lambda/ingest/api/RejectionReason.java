package io.lambda.ingest.api;

import io.lambda.core.event.EventMessages;

/**
 * The bounded {@code reason} tag of the rejected-events metric, derived from the rejection message (which quotes
 * client-supplied names and so can't be a tag itself).
 */
enum RejectionReason {

    NOT_OBJECT("not-object"),
    MALFORMED("malformed"),
    UNKNOWN_FIELD("unknown-field"),
    DUPLICATE_FIELD("duplicate-field"),
    INGEST_TIME_SET("ingest-time-set"),
    ID("id"),
    TYPE("type"),
    TIMESTAMP("timestamp"),
    TIMESTAMP_IN_FUTURE("timestamp-in-future"),
    TIMESTAMP_TOO_OLD("timestamp-too-old"),
    ATTRIBUTES("attributes"),
    OTHER("other");

    private final String tag;

    RejectionReason(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** The reason of one of {@link EventMessages}' texts. */
    static RejectionReason of(String message) {
        if (message.equals(EventMessages.EVENT_NOT_OBJECT)) {
            return NOT_OBJECT;
        }
        if (message.equals(EventMessages.INGEST_TIME_SET)) {
            return INGEST_TIME_SET;
        }
        if (message.startsWith("malformed JSON") || message.startsWith("JSON exceeds")
                || message.startsWith("unexpected content after")) {
            return MALFORMED;
        }
        if (message.startsWith("unknown field ")) {
            return UNKNOWN_FIELD;
        }
        if (message.startsWith("duplicate field ")) {
            return DUPLICATE_FIELD;
        }
        if (message.startsWith("id ")) {
            return ID;
        }
        if (message.startsWith("type ")) {
            return TYPE;
        }
        if (message.startsWith("timestamp is more than")) {
            return TIMESTAMP_IN_FUTURE;
        }
        if (message.startsWith("timestamp is older than")) {
            return TIMESTAMP_TOO_OLD;
        }
        if (message.startsWith("timestamp ")) {
            return TIMESTAMP;
        }
        if (message.startsWith("attribute") || message.startsWith("duplicate attribute ")) {
            return ATTRIBUTES;
        }
        return OTHER;
    }
}
