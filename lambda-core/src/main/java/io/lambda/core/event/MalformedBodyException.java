package io.lambda.core.event;

/**
 * The body cannot be parsed at all: not JSON, truncated, invalid UTF-8, a top-level scalar, a parser limit
 * crossed (nesting depth, number, string or name length). HTTP 400. The message says what and where.
 */
public final class MalformedBodyException extends EventBodyException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
