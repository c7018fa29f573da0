package io.lambda.ingest.api;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The {@code 202} body of {@code POST /api/v1/events} (API.md).
 *
 * @param accepted events written to the log and acknowledged by the broker
 * @param duplicates valid events not written because their id was accepted before (in this request or, within the
 *     dedup window, in an earlier one)
 * @param rejected invalid events, each with an entry in {@code errors}
 * @param unchecked accepted events whose ids the dedup store could not check in time (written all the same; the
 *     layers count each id once); left out of the JSON when 0
 * @param errors why each rejected event was rejected, by index
 */
@JsonPropertyOrder({"accepted", "duplicates", "unchecked", "rejected", "errors"})
public record IngestResponse(int accepted, int duplicates, int rejected,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int unchecked, List<EventError> errors) {

    public IngestResponse {
        errors = List.copyOf(errors);
    }

    /** A response with every id checked. */
    public IngestResponse(int accepted, int duplicates, int rejected, List<EventError> errors) {
        this(accepted, duplicates, rejected, 0, errors);
    }

    /**
     * One rejected event.
     *
     * @param index the event's position in the request, from 0 (array element or non-blank NDJSON line)
     * @param id the event's id when it could be read and is valid, otherwise null
     * @param message why the event was rejected
     */
    public record EventError(int index, @Nullable String id, String message) {
        public EventError {
            Objects.requireNonNull(message, "message");
        }
    }
}
