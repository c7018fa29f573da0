package io.lambda.gateway.problem;

import org.springframework.http.HttpStatus;

/** The problems the gateway itself answers with; documented in {@code gateway/README.md}. */
public enum ProblemType {

    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String name, HttpStatus status, String title) {
        this.uri = "urn:problem:lambda:" + name;
        this.status = status;
        this.title = title;
    }

    /** {@code urn:problem:lambda:<name>}. */
    public String uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The reason tag of the rejection metrics, e.g. {@code rate-limited}. */
    public String reason() {
        return uri.substring("urn:problem:lambda:".length());
    }
}
