package io.lambda.core.metric;

import java.util.Objects;

/**
 * One entry of a {@link MetricKind#TOP} answer.
 *
 * @param value the string form of the attribute value
 * @param count the estimated number of events with that value: never below the true count, and at
 *     most the sketch's maximum error above it (exact while the sketch has not had to evict values)
 */
public record TopValue(String value, long count) {

    public TopValue {
        Objects.requireNonNull(value, "value");
    }
}
