package io.lambda.query.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.ResultOptions;
import org.jspecify.annotations.Nullable;

/**
 * The metric values of an answer (API.md): count and integral sums as integers, other sums, min, max, avg, distinct
 * and quantiles as numbers (min, max, avg and quantiles null when nothing was added), top as a list of
 * {@code {value, count}} (at most 10, largest first).
 */
final class MetricValues {

    static final int TOP_LIMIT = 10;

    private MetricValues() {
    }

    /** The values of {@code names} (in that order) from an aggregate. */
    static Map<String, @Nullable Object> of(AggregateMonoid monoid, Aggregate aggregate, List<String> names,
            ResultOptions options) {
        Map<String, @Nullable Object> all = monoid.results(aggregate, options);
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, all.get(name));
        }
        return values;
    }
}
