package io.lambda.core.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.metric.TopValue;
import io.lambda.core.serving.GroupField;
import io.lambda.core.view.ViewDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The serving layer's merge (DESIGN.md section 7): {@code batch(< T) ⊕ speed(≥ T)} with the view's monoid. Given the
 * cells read for a {@link ReadPlan} (the published run's rows and every partition's partials), it keeps batch rows
 * only when a boundary is published and speed fields only when their ingest slot is at or after the boundary, so an
 * event is counted by exactly one layer; then it keeps the range's buckets and the filtered groups and combines.
 *
 * <p>Pure: no I/O, no clock. Immutable and thread-safe.
 */
public final class ViewMerger {

    private final ViewDefinition view;
    private final AggregateMonoid monoid;

    public ViewMerger(ViewDefinition view, AggregateMonoid monoid) {
        this.view = Objects.requireNonNull(view, "view");
        this.monoid = Objects.requireNonNull(monoid, "monoid");
    }

    /**
     * Every bucket of the plan's range, ascending, with the merged aggregate of the groups passing {@code filters}.
     *
     * @param boundary the published boundary {@code T}, null before the first batch run
     */
    public List<SeriesPoint> series(ReadPlan plan, Map<String, String> filters, Layer layer, @Nullable Instant boundary,
            Iterable<StoredCell> cells) {
        long seconds = plan.granularity().duration().getSeconds();
        long first = plan.firstBucket().getEpochSecond();
        int count = Math.toIntExact(plan.bucketCount());
        Accumulator[] buckets = new Accumulator[count];
        Matcher matcher = new Matcher(plan, filters);
        for (StoredCell cell : cells) {
            if (!counts(cell, layer, boundary) || !matcher.matches(cell.group())) {
                continue;
            }
            long offset = cell.group().bucket().getEpochSecond() - first;
            if (offset < 0 || offset % seconds != 0 || offset / seconds >= count) {
                continue;
            }
            int index = (int) (offset / seconds);
            if (buckets[index] == null) {
                buckets[index] = new Accumulator();
            }
            buckets[index].add(cell);
        }
        List<SeriesPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant t = Instant.ofEpochSecond(first + i * seconds);
            Accumulator bucket = buckets[i];
            points.add(bucket == null ? new SeriesPoint(t, Source.NONE, monoid.empty())
                    : new SeriesPoint(t, bucket.source(), bucket.aggregate));
        }
        return points;
    }

    /**
     * The groups of {@code by} over the whole range, ordered by {@code metric} (largest first, then by key), at most
     * {@code limit}.
     */
    public List<GroupRow> groups(ReadPlan plan, String by, Map<String, String> filters, Layer layer,
            @Nullable Instant boundary, Iterable<StoredCell> cells, String metric, int limit, ResultOptions options) {
        int byPosition = plan.rollup().kept().indexOf(by);
        if (byPosition < 0) {
            throw new IllegalArgumentException("the plan's row " + plan.rollup() + " does not keep '" + by + "'");
        }
        long first = plan.firstBucket().getEpochSecond();
        long end = first + plan.bucketCount() * plan.granularity().duration().getSeconds();
        Matcher matcher = new Matcher(plan, filters);
        Map<String, Accumulator> groups = new HashMap<>();
        for (StoredCell cell : cells) {
            long bucket = cell.group().bucket().getEpochSecond();
            if (bucket < first || bucket >= end || !counts(cell, layer, boundary) || !matcher.matches(cell.group())) {
                continue;
            }
            groups.computeIfAbsent(cell.group().values().get(byPosition), k -> new Accumulator()).add(cell);
        }
        List<GroupRow> rows = new ArrayList<>(groups.size());
        groups.forEach((key, accumulator) -> rows.add(new GroupRow(key, accumulator.source(), accumulator.aggregate)));
        Map<GroupRow, Double> sortValues = new HashMap<>();
        for (GroupRow row : rows) {
            sortValues.put(row, sortValue(monoid.result(row.aggregate(), metric, options)));
        }
        rows.sort(Comparator.comparing((GroupRow row) -> sortValues.get(row)).reversed()
                .thenComparing(GroupRow::key));
        return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
    }

    /** Whether a cell belongs to the answer of {@code layer} under boundary {@code T} (the invariant's one rule). */
    public static boolean counts(StoredCell cell, Layer layer, @Nullable Instant boundary) {
        if (cell.isSpeed()) {
            return layer.readsSpeed() && (boundary == null || cell.slot() >= boundary.getEpochSecond());
        }
        return layer.readsBatch() && boundary != null;
    }

    /** The number a group is ordered by: numbers as they are, a top list by its first count, nothing lowest. */
    static double sortValue(@Nullable Object result) {
        if (result instanceof Number number) {
            return number.doubleValue();
        }
        if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof TopValue top) {
            return top.count();
        }
        return Double.NEGATIVE_INFINITY;
    }

    /** The view merged. */
    public ViewDefinition view() {
        return view;
    }

    private final class Accumulator {
        private Aggregate aggregate = monoid.empty();
        private boolean batch;
        private boolean speed;

        void add(StoredCell cell) {
            aggregate = monoid.combine(aggregate, monoid.deserialize(cell.aggregate()));
            if (cell.isSpeed()) {
                speed = true;
            } else {
                batch = true;
            }
        }

        Source source() {
            return Source.of(batch, speed);
        }
    }

    /** The filters as positions in the row's kept values. */
    private static final class Matcher {
        private final int[] positions;
        private final String[] values;

        Matcher(ReadPlan plan, Map<String, String> filters) {
            positions = new int[filters.size()];
            values = new String[filters.size()];
            int i = 0;
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                positions[i] = plan.rollup().kept().indexOf(filter.getKey());
                if (positions[i] < 0) {
                    throw new IllegalArgumentException("the plan's row " + plan.rollup() + " does not keep '"
                            + filter.getKey() + "'");
                }
                values[i++] = filter.getValue();
            }
        }

        boolean matches(GroupField group) {
            for (int i = 0; i < positions.length; i++) {
                if (!values[i].equals(group.values().get(positions[i]))) {
                    return false;
                }
            }
            return true;
        }
    }
}
