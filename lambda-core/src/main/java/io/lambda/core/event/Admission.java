package io.lambda.core.event;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** The outcome for one event of a request body: accepted, or rejected with a reason. */
public sealed interface Admission permits Admission.Accepted, Admission.Rejected {

    /** Position of the event in its request body, from 0 (array element, or non-blank NDJSON line). */
    int index();

    /** A valid event, {@code ingestTime} not yet set. */
    record Accepted(int index, Event event) implements Admission {
        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * An invalid event.
     *
     * @param id the event's id when it could be read and is itself valid, otherwise null
     * @param message why, one of the texts of {@link EventMessages}
     */
    record Rejected(int index, @Nullable String id, String message) implements Admission {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }
}
