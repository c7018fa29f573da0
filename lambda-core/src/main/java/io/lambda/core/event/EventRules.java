package io.lambda.core.event;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable part of the event rules: how far an event's timestamp may lie from the validation time.
 *
 * @param maxFuture how far ahead of now a timestamp may be, inclusive (default 5 minutes)
 * @param maxAge how far behind now a timestamp may be, inclusive (default 365 days)
 */
public record EventRules(Duration maxFuture, Duration maxAge) {

    /** The rules of DESIGN.md: 5 minutes into the future, 365 days into the past. */
    public static final EventRules DEFAULTS = new EventRules(Duration.ofMinutes(5), Duration.ofDays(365));

    public EventRules {
        Objects.requireNonNull(maxFuture, "maxFuture");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxFuture.isNegative()) {
            throw new IllegalArgumentException("maxFuture must not be negative: " + maxFuture);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    /** The default rules with another maximum age. */
    public static EventRules withMaxAge(Duration maxAge) {
        return new EventRules(DEFAULTS.maxFuture(), maxAge);
    }
}
