package io.lambda.ingest.kafka;

/**
 * The event log could not take a request's events within the produce timeout: broker unreachable, no
 * acknowledgement in time, or a topic ingest must not write to. Nothing of the request counts as accepted.
 */
public final class LogUnavailableException extends RuntimeException {

    public LogUnavailableException(String message) {
        super(message);
    }

    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
