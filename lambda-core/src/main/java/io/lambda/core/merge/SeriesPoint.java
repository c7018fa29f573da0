package io.lambda.core.merge;

import java.time.Instant;
import java.util.Objects;

import io.lambda.core.metric.Aggregate;

/**
 * One bucket of a series answer.
 *
 * @param t         the bucket start
 * @param source    which layers contributed
 * @param aggregate the merged aggregate (empty when {@code source} is {@link Source#NONE}); owned by the caller
 */
public record SeriesPoint(Instant t, Source source, Aggregate aggregate) {
    public SeriesPoint {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregate, "aggregate");
    }
}
