package io.lambda.query.merge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lambda.core.merge.Layer;
import org.jspecify.annotations.Nullable;

/**
 * A series request, syntax checked (API.md {@code /series}); what depends on the view is checked against the served
 * version.
 *
 * @param granularity null: the view's finest
 * @param metrics     null: every metric
 */
public record SeriesQuery(String view, Instant from, Instant to, @Nullable String granularity,
        Map<String, String> filters, Layer layer, @Nullable List<String> metrics, double q) {

    public SeriesQuery {
        filters = Map.copyOf(filters);
        metrics = metrics == null ? null : List.copyOf(metrics);
    }
}
