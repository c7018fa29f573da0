package io.lambda.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lambda.core.event.Event;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.FoldFixtures;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.time.Granularity;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewDefinition;

/**
 * Invariant 1 without Redis: events split at a random slot boundary into batch rows and speed partials (both built
 * with the fold, speed in three partitions and holding slots before T too) merge into the answer computed directly
 * from all events, for every layer.
 */
class ViewMergerTests {

    private static final IngestSlots SLOTS = new IngestSlots(Duration.ofMinutes(5));
    private static final int PARTITIONS = 3;
    private final ViewCatalog catalog = FoldFixtures.catalog();
    private final ViewFold fold = new ViewFold(catalog.views(), SketchSettings.DEFAULTS);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void shouldMergeBatchAndSpeedIntoTheAnswerOfAllEvents(long seed) {
        Random random = new Random(seed);
        List<Event> events = FoldFixtures.events(seed, 160);
        Instant boundary = FoldFixtures.START.plus(SLOTS.length().multipliedBy(random.nextInt(30)));
        List<Stored> stored = store(events, boundary);

        for (ViewDefinition view : catalog.views()) {
            for (Layer layer : Layer.values()) {
                Predicate<Event> inLayer = e -> switch (layer) {
                    case MERGED -> true;
                    case BATCH -> slotOf(e).isBefore(boundary);
                    case SPEED -> !slotOf(e).isBefore(boundary);
                };
                for (Granularity granularity : view.granularities()) {
                    checkSeries(view, granularity, Map.of(), layer, boundary, stored, events, inLayer);
                    for (String dimension : view.dimensions()) {
                        String value = valueOf(events.get(random.nextInt(events.size())), dimension);
                        checkSeries(view, granularity, Map.of(dimension, value), layer, boundary, stored, events,
                                inLayer);
                    }
                }
                for (String dimension : view.dimensions()) {
                    checkGroups(view, dimension, Map.of(), layer, boundary, stored, events, inLayer);
                    if (view.dimensions().size() > 1) {
                        String other = view.dimensions().get(view.dimensions().size() - 1 - view.dimensions().indexOf(dimension));
                        if (!other.equals(dimension)) {
                            checkGroups(view, dimension, Map.of(other, valueOf(events.get(0), other)), layer, boundary,
                                    stored, events, inLayer);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldServeSpeedAloneBeforeTheFirstBatchRun(boolean filtered) {
        List<Event> events = FoldFixtures.events(99, 120);
        List<Stored> speedOnly = store(events, null);
        ViewDefinition view = catalog.get("pageviews");
        Map<String, String> filters = filtered ? Map.of("url", "/p1") : Map.of();

        checkSeries(view, Granularity.HOUR, filters, Layer.MERGED, null, speedOnly, events, e -> true);
        checkSeries(view, Granularity.HOUR, filters, Layer.BATCH, null, speedOnly, events, e -> false);
    }

    private void checkSeries(ViewDefinition view, Granularity granularity, Map<String, String> filters, Layer layer,
            @Nullable Instant boundary, List<Stored> stored, List<Event> events, Predicate<Event> inLayer) {
        Instant from = FoldFixtures.START.minusSeconds(90);
        Instant to = FoldFixtures.START.plus(Duration.ofHours(3));
        ReadPlan plan = ReadPlan.series(view, granularity, filters, from, to, FoldFixtures.START, to);
        AggregateMonoid monoid = fold.monoid(ViewVersion.of(view));

        List<SeriesPoint> points = new ViewMerger(view, monoid).series(plan, filters, layer, boundary,
                cellsOf(plan, stored));

        assertThat(points).hasSize((int) plan.bucketCount());
        assertThat(points.get(0).t()).isEqualTo(granularity.bucketStart(from));
        for (SeriesPoint point : points) {
            Aggregate expected = monoid.empty();
            boolean any = false;
            for (Event e : events) {
                if (view.matches(e) && inLayer.test(e) && matches(e, filters)
                        && granularity.bucketStart(e.timestamp()).equals(point.t())) {
                    monoid.add(expected, e);
                    any = true;
                }
            }
            assertThat(point.source() != Source.NONE).as("source of %s", point.t()).isEqualTo(any);
            assertSameResults(view, monoid, point.aggregate(), expected, view.name() + " " + layer + " " + filters
                    + " " + point.t());
        }
    }

    private void checkGroups(ViewDefinition view, String by, Map<String, String> filters, Layer layer,
            @Nullable Instant boundary, List<Stored> stored, List<Event> events, Predicate<Event> inLayer) {
        Instant from = Instant.parse("2026-11-24T09:00:00Z");
        Instant to = Instant.parse("2026-11-24T13:00:00Z");
        ReadPlan plan = ReadPlan.groups(view, by, filters, from, to, FoldFixtures.START, to);
        assertThat(plan.granularity()).isEqualTo(view.granularities().contains(Granularity.HOUR) ? Granularity.HOUR
                : view.finestGranularity());
        AggregateMonoid monoid = fold.monoid(ViewVersion.of(view));
        String metric = view.metrics().get(0).name();

        List<GroupRow> groups = new ViewMerger(view, monoid).groups(plan, by, filters, layer, boundary,
                cellsOf(plan, stored), metric, 1000, ResultOptions.DEFAULTS);

        Map<String, Aggregate> expected = new HashMap<>();
        for (Event e : events) {
            if (view.matches(e) && inLayer.test(e) && matches(e, filters)) {
                monoid.add(expected.computeIfAbsent(valueOf(e, by), k -> monoid.empty()), e);
            }
        }
        assertThat(groups).extracting(GroupRow::key).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (GroupRow group : groups) {
            assertSameResults(view, monoid, group.aggregate(), expected.get(group.key()), view.name() + " by " + by
                    + " " + layer + " " + group.key());
        }
        for (int i = 1; i < groups.size(); i++) {
            assertThat(((Number) monoid.result(groups.get(i - 1).aggregate(), metric, ResultOptions.DEFAULTS))
                    .doubleValue()).isGreaterThanOrEqualTo(((Number) monoid.result(groups.get(i).aggregate(), metric,
                    ResultOptions.DEFAULTS)).doubleValue());
        }
    }

    /** A stored cell with the cell it was written for (the key the query would read it under). */
    private record Stored(CellKey key, StoredCell cell) {
    }

    /** Batch rows of events before T (no slots) and speed partials of every event in its partition and slot. */
    private List<Stored> store(List<Event> events, @Nullable Instant boundary) {
        Cells batch = new Cells();
        List<Cells> speed = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            speed.add(new Cells());
        }
        for (Event e : events) {
            if (boundary != null && slotOf(e).isBefore(boundary)) {
                fold.add(e, CellKey.NO_SLOT, batch);
            }
            fold.add(e, e.ingestTime(), SLOTS, speed.get(Math.floorMod(e.id().hashCode(), PARTITIONS)));
        }
        List<Stored> stored = new ArrayList<>();
        batch.all().forEach((key, aggregate) -> stored.add(new Stored(key, StoredCell.batch(key.groupField(),
                fold.monoid(key.view()).serialize(aggregate)))));
        for (Cells partition : speed) {
            partition.all().forEach((key, aggregate) -> stored.add(new Stored(key, StoredCell.speed(key.partialField(),
                    fold.monoid(key.view()).serialize(aggregate)))));
        }
        return stored;
    }

    /** What the query would read for the plan: only the plan's granularity and row, of the plan's view. */
    private static List<StoredCell> cellsOf(ReadPlan plan, List<Stored> stored) {
        return stored.stream().filter(s -> s.key().view().equals(plan.view())
                && s.key().granularity() == plan.granularity() && s.key().rollup().equals(plan.rollup()))
                .map(Stored::cell).toList();
    }

    private static boolean matches(Event e, Map<String, String> filters) {
        return filters.entrySet().stream().allMatch(f -> valueOf(e, f.getKey()).equals(f.getValue()));
    }

    private static String valueOf(Event e, String dimension) {
        return Objects.toString(e.attributes().get(dimension), "");
    }

    private static Instant slotOf(Event e) {
        return SLOTS.slotStart(e.ingestTime());
    }

    private static void assertSameResults(ViewDefinition view, AggregateMonoid monoid, Aggregate actual,
            Aggregate expected, String what) {
        Map<String, @Nullable Object> got = monoid.results(actual, ResultOptions.DEFAULTS);
        Map<String, @Nullable Object> want = monoid.results(expected, ResultOptions.DEFAULTS);
        for (MetricSpec metric : view.metrics()) {
            Object g = got.get(metric.name());
            Object w = want.get(metric.name());
            if (g instanceof Number gn && w instanceof Number wn) {
                double tolerance = metric.kind() == MetricKind.DISTINCT ? 0.03 * wn.doubleValue() + 1e-9
                        : 1e-9 * Math.max(1, Math.abs(wn.doubleValue()));
                assertThat(gn.doubleValue()).as("%s %s", what, metric.name()).isCloseTo(wn.doubleValue(),
                        within(tolerance));
            } else {
                assertThat(g).as("%s %s", what, metric.name()).isEqualTo(w);
            }
        }
    }
}
