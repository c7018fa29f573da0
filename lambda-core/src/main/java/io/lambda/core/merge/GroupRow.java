package io.lambda.core.merge;

import java.util.Objects;

import io.lambda.core.metric.Aggregate;

/**
 * One group of a groups answer: a value of the {@code by} dimension with its aggregate over the whole range.
 *
 * @param key       the dimension value ({@code ""} for events without the attribute)
 * @param source    which layers contributed
 * @param aggregate the merged aggregate; owned by the caller
 */
public record GroupRow(String key, Source source, Aggregate aggregate) {
    public GroupRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregate, "aggregate");
    }
}
