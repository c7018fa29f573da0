package io.lambda.query.merge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lambda.core.merge.Layer;
import io.lambda.core.merge.Source;
import io.lambda.core.time.Granularity;
import org.jspecify.annotations.Nullable;

/** A series answer: every bucket of the range with the requested metrics' values. */
public record SeriesAnswer(String view, String version, Granularity granularity, Layer layer,
        Completeness completeness, List<Point> points) {

    public SeriesAnswer {
        points = List.copyOf(points);
    }

    /** One bucket; metric values as {@link MetricValues} gives them. */
    public record Point(Instant t, Source source, Map<String, @Nullable Object> metrics) {
    }
}
