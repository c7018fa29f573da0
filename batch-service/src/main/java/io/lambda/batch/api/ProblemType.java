package io.lambda.batch.api;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The problem types of the batch run endpoints (README.md lists them). */
enum ProblemType {

    INVALID_BOUNDARY("invalid-boundary", HttpStatus.BAD_REQUEST, "Invalid boundary"),
    BOUNDARY_REFUSED("boundary-refused", HttpStatus.BAD_REQUEST, "Boundary not allowed"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid parameter"),
    RUN_IN_PROGRESS("batch-run-in-progress", HttpStatus.CONFLICT, "A batch run is going"),
    RUN_NOT_RESTARTABLE("batch-run-not-restartable", HttpStatus.CONFLICT, "Batch run cannot be restarted"),
    UNKNOWN_RUN("unknown-run", HttpStatus.NOT_FOUND, "Unknown batch run"),
    NO_WATERMARK("no-archive-watermark", HttpStatus.SERVICE_UNAVAILABLE, "No archive watermark yet");

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String name, HttpStatus status, String title) {
        this.uri = URI.create("urn:problem:lambda:" + name);
        this.status = status;
        this.title = title;
    }

    URI uri() {
        return uri;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
