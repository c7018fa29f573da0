package io.lambda.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lambda.core.merge.GroupRow;
import io.lambda.core.merge.Layer;
import io.lambda.core.merge.ReadPlan;
import io.lambda.core.merge.SeriesPoint;
import io.lambda.core.merge.StoredCell;
import io.lambda.core.merge.ViewMerger;
import io.lambda.core.metric.ResultOptions;

/**
 * Where the query service's CPU goes, in part: lambda-core's merge of one answer's cells ({@link ViewMerger}, which
 * deserializes every cell and combines it into its bucket or group, then every metric's result), run in this JVM
 * over the cells the service reads (fetched once, decoded as the service decodes them; for the filtered series only
 * the filtered url's row fields, as its HMGET returns). CPU milliseconds per answer of the measuring thread.
 */
final class QueryMergeProfile {

    private QueryMergeProfile() {
    }

    /** CPU ms per merge of (a), (b) and (c). */
    static double[] cpuMillis(QueryServingLoad data, QueryBaseline baseline, Map<String, String> filter, int top,
            double scale) {
        ViewMerger merger = new ViewMerger(data.view, data.monoid);
        ResultOptions options = ResultOptions.DEFAULTS;
        ReadPlan series = baseline.seriesPlan(Map.of());
        List<StoredCell> seriesCells = baseline.cells(series);
        ReadPlan filtered = baseline.seriesPlan(filter);
        List<String> value = List.copyOf(filter.values());
        List<StoredCell> filteredCells = baseline.cells(filtered).stream()
                .filter(cell -> cell.isSpeed() || cell.group().values().equals(value)).toList();
        ReadPlan groups = baseline.groupsPlan("url");
        List<StoredCell> groupCells = baseline.cells(groups);
        List<Throughput.Measured> measured = Throughput.measure(List.of(
                new Throughput.Workload("merge (a)", 1, () -> results(merger.series(series, Map.of(), Layer.MERGED,
                        data.boundary, seriesCells), data, options)),
                new Throughput.Workload("merge (b)", 1, () -> results(merger.series(filtered, filter, Layer.MERGED,
                        data.boundary, filteredCells), data, options)),
                new Throughput.Workload("merge (c)", 1, () -> {
                    long n = 0;
                    for (GroupRow row : merger.groups(groups, "url", Map.of(), Layer.MERGED, data.boundary,
                            groupCells, QueryServingLoad.METRIC_COUNT, top, options)) {
                        n += data.monoid.results(row.aggregate(), options).size();
                    }
                    return n;
                })), scaled(Duration.ofSeconds(4), scale), 3, scaled(Duration.ofMillis(1500), scale));
        double[] millis = new double[measured.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = 1e3 / measured.get(i).cpu().median();
        }
        return millis;
    }

    private static long results(List<SeriesPoint> points, QueryServingLoad data, ResultOptions options) {
        long n = 0;
        for (SeriesPoint point : points) {
            n += data.monoid.results(point.aggregate(), options).size();
        }
        return n;
    }

    private static Duration scaled(Duration duration, double scale) {
        return Duration.ofMillis(Math.max(200, Math.round(duration.toMillis() * scale)));
    }
}
