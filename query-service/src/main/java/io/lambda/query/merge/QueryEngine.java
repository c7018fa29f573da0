package io.lambda.query.merge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.lambda.core.merge.GroupRow;
import io.lambda.core.merge.Layer;
import io.lambda.core.merge.ReadPlan;
import io.lambda.core.merge.SeriesPoint;
import io.lambda.core.merge.StoredCell;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.Chunks;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;
import io.lambda.query.merge.InvalidQueryException.Reason;
import io.lambda.query.store.CellRead;
import io.lambda.query.store.EventLog;
import io.lambda.query.store.RedisReads;
import io.lambda.query.store.RegisteredVersion;
import io.lambda.query.store.ServingStore;
import io.lambda.query.store.SpeedPositions;
import io.lambda.query.store.TopicEnd;
import org.jspecify.annotations.Nullable;

/**
 * One series or groups query end to end (KEYS.md "Reads and round trips"): the topic's end offsets (a lookup started
 * after the query arrived, running beside the Redis reads), the served version with its pointer read once, the served
 * version's flushed positions, floors and indexes, then the pointer's run rows and every partition's partials in one
 * pipelined round trip, merged by lambda-core's {@code ViewMerger}. Any store failing fails the whole query.
 *
 * <p>Speed partials are read from the boundary {@code T} (before any batch run: from the earliest indexed chunk) to
 * the later of "now plus {@code speedMargin}" and the end of the newest indexed chunk, so partials stamped by a broker
 * whose clock runs ahead of this host are read too.
 */
public final class QueryEngine {

    private final ViewVersions versions;
    private final ServingStore store;
    private final RedisReads redis;
    private final EventLog log;
    private final Duration speedMargin;
    private final int maxBuckets;
    private final Clock clock;

    public QueryEngine(ViewVersions versions, ServingStore store, RedisReads redis, EventLog log,
            Duration speedMargin, int maxBuckets, Clock clock) {
        this.versions = versions;
        this.store = store;
        this.redis = redis;
        this.log = log;
        this.speedMargin = speedMargin;
        this.maxBuckets = maxBuckets;
        this.clock = clock;
    }

    public SeriesAnswer series(SeriesQuery query) {
        Start start = start(query.view());
        ServedView served = start.served();
        ViewDefinition view = served.definition();
        Granularity granularity = granularity(view, query.granularity());
        checkDimensions(view, query.filters().keySet());
        List<String> metrics = metrics(view, query.metrics(), "metrics");
        checkBuckets(granularity, query.from(), query.to());
        Read read = read(served, start.topic(), query.layer(), (speedFrom, speedUntil) -> ReadPlan.series(view,
                granularity, query.filters(), query.from(), query.to(), speedFrom, speedUntil), query.filters());
        ResultOptions options = new ResultOptions(query.q(), MetricValues.TOP_LIMIT);
        List<SeriesPoint> merged = served.merger().series(read.plan(), query.filters(), query.layer(), read.boundary(),
                read.cells());
        List<SeriesAnswer.Point> points = new ArrayList<>(merged.size());
        for (SeriesPoint point : merged) {
            points.add(new SeriesAnswer.Point(point.t(), point.source(),
                    MetricValues.of(served.monoid(), point.aggregate(), metrics, options)));
        }
        return new SeriesAnswer(view.name(), view.version(), granularity, query.layer(), read.completeness(), points);
    }

    public GroupsAnswer groups(GroupsQuery query) {
        Start start = start(query.view());
        ServedView served = start.served();
        ViewDefinition view = served.definition();
        String by = by(view, query.by());
        checkDimensions(view, query.filters().keySet());
        List<String> metrics = metrics(view, query.metrics(), "metrics");
        String metric = query.metric() == null ? view.metrics().get(0).name()
                : metrics(view, List.of(query.metric()), "metric").get(0);
        Granularity granularity = ReadPlan.tilingGranularity(view, query.from(), query.to());
        checkBuckets(granularity, query.from(), query.to());
        Read read = read(served, start.topic(), query.layer(), (speedFrom, speedUntil) -> ReadPlan.groups(view, by,
                query.filters(), query.from(), query.to(), speedFrom, speedUntil), query.filters());
        ResultOptions options = new ResultOptions(query.q(), MetricValues.TOP_LIMIT);
        List<GroupRow> rows = served.merger().groups(read.plan(), by, query.filters(), query.layer(), read.boundary(),
                read.cells(), metric, query.limit(), options);
        List<GroupsAnswer.Group> groups = new ArrayList<>(rows.size());
        for (GroupRow row : rows) {
            groups.add(new GroupsAnswer.Group(row.key(), row.source(),
                    MetricValues.of(served.monoid(), row.aggregate(), metrics, options)));
        }
        return new GroupsAnswer(view.name(), view.version(), by, metric, read.plan().granularity(), query.layer(),
                read.completeness(), groups);
    }

    private record Start(ServedView served, TopicEnd topic, long deadline) {
    }

    /** The served version and the topic's end, both read after the query arrived (404 before any I/O). */
    private Start start(String name) {
        long arrived = System.nanoTime();
        ViewDefinition catalogView = versions.catalogView(name);
        CompletableFuture<TopicEnd> end = log.endAfter(arrived);
        long deadline = redis.deadline();
        List<RegisteredVersion> registered = store.registered(name, deadline);
        TopicEnd topic = log.await(end);
        return new Start(versions.serve(catalogView, registered, topic.partitions(), deadline), topic, deadline);
    }

    @FunctionalInterface
    private interface Planner {
        ReadPlan plan(Instant speedFrom, Instant speedUntil);
    }

    private record Read(ReadPlan plan, @Nullable Instant boundary, List<StoredCell> cells,
            Completeness completeness) {
    }

    private Read read(ServedView served, TopicEnd topic, Layer layer, Planner planner, Map<String, String> filters) {
        long deadline = redis.deadline();
        BatchPointer pointer = served.pointer();
        Instant boundary = pointer == null ? null : pointer.boundary();
        SpeedPositions positions = store.positions(served.name(), served.version(), topic.partitions(), deadline);
        Instant speedUntil = clock.instant().plus(speedMargin);
        if (positions.latestChunk() != null) {
            Instant latestEnd = positions.latestChunk().plus(Chunks.SLOT_CHUNK);
            speedUntil = latestEnd.isAfter(speedUntil) ? latestEnd : speedUntil;
        }
        Instant speedFrom = boundary != null ? boundary : positions.earliestChunk();
        if (speedFrom == null || !layer.readsSpeed()) {
            speedFrom = speedUntil;
        }
        ReadPlan plan = planner.plan(speedFrom, speedUntil);
        String runId = pointer != null && layer.readsBatch() ? pointer.runId() : null;
        List<StoredCell> cells = store.cells(new CellRead(plan, runId, layer.readsSpeed() ? topic.partitions() : 0,
                filters), served.name(), served.version(), deadline);
        long lag = 0;
        for (int p = 0; p < topic.partitions(); p++) {
            lag += topic.lag(p, positions.offsets().get(p));
        }
        return new Read(plan, boundary, cells, Completeness.of(boundary, lag, positions.missingBefore(boundary),
                served.pending()));
    }

    private static Granularity granularity(ViewDefinition view, @Nullable String requested) {
        if (requested == null) {
            return view.finestGranularity();
        }
        List<String> valid = view.granularities().stream().map(Granularity::id).toList();
        if (!valid.contains(requested)) {
            throw new InvalidQueryException(Reason.UNKNOWN_GRANULARITY, "granularity", "granularity '" + requested
                    + "' is not one of view " + view.name() + "'s: " + String.join(", ", valid), valid);
        }
        return Granularity.parse(requested);
    }

    private static void checkDimensions(ViewDefinition view, Iterable<String> dimensions) {
        for (String dimension : dimensions) {
            if (!view.dimensions().contains(dimension)) {
                throw unknownDimension(view, dimension, "dim." + dimension);
            }
        }
    }

    private static String by(ViewDefinition view, @Nullable String by) {
        if (by == null) {
            if (view.dimensions().isEmpty()) {
                throw new InvalidQueryException(Reason.INVALID_PARAMETER, "by", "view " + view.name()
                        + " has no dimensions to group by");
            }
            return view.dimensions().get(0);
        }
        if (!view.dimensions().contains(by)) {
            throw unknownDimension(view, by, "by");
        }
        return by;
    }

    private static InvalidQueryException unknownDimension(ViewDefinition view, String dimension, String parameter) {
        return new InvalidQueryException(Reason.UNKNOWN_DIMENSION, parameter, "dimension '" + dimension
                + "' is not one of view " + view.name() + "'s: "
                + (view.dimensions().isEmpty() ? "(none)" : String.join(", ", view.dimensions())), view.dimensions());
    }

    private static List<String> metrics(ViewDefinition view, @Nullable List<String> requested, String parameter) {
        List<String> valid = view.metrics().stream().map(MetricSpec::name).toList();
        if (requested == null) {
            return valid;
        }
        for (String metric : requested) {
            if (!valid.contains(metric)) {
                throw new InvalidQueryException(Reason.UNKNOWN_METRIC, parameter, "metric '" + metric
                        + "' is not one of view " + view.name() + "'s: " + String.join(", ", valid), valid);
            }
        }
        return requested;
    }

    private void checkBuckets(Granularity granularity, Instant from, Instant to) {
        long seconds = granularity.duration().getSeconds();
        long first = granularity.bucketStart(from).getEpochSecond();
        long end = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        long count = Math.floorDiv(end - first + seconds - 1, seconds);
        if (count > maxBuckets) {
            throw new InvalidQueryException(Reason.TOO_MANY_BUCKETS, null, "[" + from + ", " + to + ") holds "
                    + count + " " + granularity.id() + " buckets, at most " + maxBuckets + " are answered"
                    + " (narrow the range or choose a coarser granularity)");
        }
    }
}
