package io.lambda.query.merge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A query the view can't answer as asked: the API turns it into a 400 (or 404 for an unknown view) problem. */
public final class InvalidQueryException extends RuntimeException {

    /** What is wrong; each has its own problem type. */
    public enum Reason {
        UNKNOWN_VIEW, UNKNOWN_METRIC, UNKNOWN_DIMENSION, UNKNOWN_GRANULARITY, INVALID_PARAMETER, TOO_MANY_BUCKETS
    }

    private final Reason reason;
    private final @Nullable String parameter;
    private final List<String> valid;

    public InvalidQueryException(Reason reason, @Nullable String parameter, String message, List<String> valid) {
        super(message);
        this.reason = reason;
        this.parameter = parameter;
        this.valid = List.copyOf(valid);
    }

    public InvalidQueryException(Reason reason, @Nullable String parameter, String message) {
        this(reason, parameter, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    /** The request parameter at fault, when one is. */
    public @Nullable String parameter() {
        return parameter;
    }

    /** The values that would have been valid (empty when not a choice). */
    public List<String> valid() {
        return valid;
    }
}
