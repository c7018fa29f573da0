package io.lambda.core.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.serving.Rollup;
import io.lambda.core.time.Granularity;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewDefinition;

class ViewFoldTests {

    private static final IngestSlots SLOTS = new IngestSlots(Duration.ofMinutes(5));
    private final ViewCatalog catalog = FoldFixtures.catalog();
    private final ViewFold fold = new ViewFold(catalog.views(), SketchSettings.DEFAULTS);

    @Test
    void shouldUpdateTheSameCellsAsANaiveReferenceForEveryViewAndSlot() {
        List<Event> events = FoldFixtures.events(7, 180);

        Cells cells = new Cells();
        events.forEach(e -> fold.add(e, e.ingestTime(), SLOTS, cells));

        Map<CellKey, List<Event>> expected = reference(events, true);
        assertThat(cells.all().keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, cellEvents) -> assertSameAggregate(key, cells, cellEvents));
    }

    @Test
    void shouldFoldWithoutSlotsForTheBatchLayer() {
        List<Event> events = FoldFixtures.events(11, 150);

        Cells cells = new Cells();
        events.forEach(e -> fold.add(e, CellKey.NO_SLOT, cells));

        Map<CellKey, List<Event>> expected = reference(events, false);
        assertThat(cells.all().keySet()).isEqualTo(expected.keySet());
        assertThat(cells.all().keySet()).allMatch(key -> !key.hasSlot());
        expected.forEach((key, cellEvents) -> assertSameAggregate(key, cells, cellEvents));
    }

    @Test
    void shouldReportChangedCellsOncePerDrain() {
        List<Event> events = FoldFixtures.events(3, 40);
        Cells cells = new Cells();
        events.subList(0, 20).forEach(e -> fold.add(e, e.ingestTime(), SLOTS, cells));
        assertThat(cells.drainChanged()).hasSize(cells.size());

        Event one = events.stream().filter(e -> e.type().equals("signup")).findFirst().orElseThrow();
        int updated = fold.add(one, one.ingestTime(), SLOTS, cells);

        assertThat(cells.drainChanged()).hasSize(updated);
        assertThat(cells.hasChanges()).isFalse();
    }

    @Test
    void shouldUpdateNothingForAnEventNoViewCounts() {
        Event other = FoldFixtures.events(5, 50).stream().filter(e -> e.type().equals("other")).findFirst()
                .orElseThrow();
        Cells cells = new Cells();

        assertThat(fold.add(other, other.ingestTime(), SLOTS, cells)).isZero();
        assertThat(cells.size()).isZero();
    }

    /** Written from DESIGN.md without the fold's code: type and where by text, buckets, rollups by name. */
    private Map<CellKey, List<Event>> reference(List<Event> events, boolean withSlots) {
        Map<CellKey, List<Event>> cells = new HashMap<>();
        for (Event event : events) {
            for (ViewDefinition view : catalog.views()) {
                if (!view.eventType().equals(event.type()) || !view.where().entrySet().stream().allMatch(
                        w -> event.attributes().containsKey(w.getKey())
                                && String.valueOf(event.attributes().get(w.getKey())).equals(w.getValue()))) {
                    continue;
                }
                for (Granularity granularity : view.granularities()) {
                    for (Rollup rollup : Rollup.forView(view)) {
                        List<String> values = new ArrayList<>();
                        for (String dimension : rollup.kept()) {
                            values.add(Objects.toString(event.attributes().get(dimension), ""));
                        }
                        long slot = withSlots ? SLOTS.slotStart(event.ingestTime()).getEpochSecond() : CellKey.NO_SLOT;
                        CellKey key = new CellKey(ViewVersion.of(view), granularity, rollup,
                                granularity.bucketStart(event.timestamp()).getEpochSecond(), values, slot);
                        cells.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
                    }
                }
            }
        }
        return cells;
    }

    private void assertSameAggregate(CellKey key, Cells cells, List<Event> events) {
        AggregateMonoid monoid = fold.monoid(key.view());
        var direct = monoid.empty();
        events.forEach(e -> monoid.add(direct, e));
        assertThat(monoid.results(cells.get(key), ResultOptions.DEFAULTS))
                .as("cell %s", key)
                .isEqualTo(monoid.results(direct, ResultOptions.DEFAULTS));
    }
}
