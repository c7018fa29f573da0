package io.lambda.query.api;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The problem types of the query API, documented in {@code query-service/README.md}. */
public enum ProblemType {

    UNKNOWN_VIEW("unknown-view", HttpStatus.NOT_FOUND, "Unknown view"),
    UNKNOWN_METRIC("unknown-metric", HttpStatus.BAD_REQUEST, "Unknown metric"),
    UNKNOWN_DIMENSION("unknown-dimension", HttpStatus.BAD_REQUEST, "Unknown dimension"),
    UNKNOWN_GRANULARITY("unknown-granularity", HttpStatus.BAD_REQUEST, "Unknown granularity"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid query parameter"),
    TOO_MANY_BUCKETS("too-many-buckets", HttpStatus.BAD_REQUEST, "Too many buckets"),
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Serving store unavailable"),
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
