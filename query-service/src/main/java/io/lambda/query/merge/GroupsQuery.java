package io.lambda.query.merge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lambda.core.merge.Layer;
import org.jspecify.annotations.Nullable;

/**
 * A groups request, syntax checked (API.md {@code /groups}).
 *
 * @param by      null: the view's first dimension
 * @param metric  the metric groups are ordered by; null: the view's first
 * @param metrics the metrics answered per group; null: every metric
 */
public record GroupsQuery(String view, Instant from, Instant to, @Nullable String by, @Nullable String metric,
        int limit, Map<String, String> filters, Layer layer, @Nullable List<String> metrics, double q) {

    public GroupsQuery {
        filters = Map.copyOf(filters);
        metrics = metrics == null ? null : List.copyOf(metrics);
    }
}
