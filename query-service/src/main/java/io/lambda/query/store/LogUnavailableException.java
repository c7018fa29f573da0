package io.lambda.query.store;

/** The event topic's metadata or end offsets could not be read in time: without them no lag is honest. */
public final class LogUnavailableException extends RuntimeException {

    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
