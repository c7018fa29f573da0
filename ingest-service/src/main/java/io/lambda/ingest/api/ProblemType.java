package io.lambda.ingest.api;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The problem types of {@code POST /api/v1/events}, documented in {@code ingest-service/PROBLEMS.md}. */
public enum ProblemType {

    MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST, "Malformed request body"),
    NO_VALID_EVENTS("no-valid-events", HttpStatus.BAD_REQUEST, "No valid event in the request"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    TOO_MANY_EVENTS("too-many-events", HttpStatus.CONTENT_TOO_LARGE, "Too many events in the request"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    LOG_UNAVAILABLE("log-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Event log unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String name, HttpStatus status, String title) {
        this.uri = URI.create("urn:problem:lambda:" + name);
        this.status = status;
        this.title = title;
    }

    /** {@code urn:problem:lambda:<name>}. */
    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
