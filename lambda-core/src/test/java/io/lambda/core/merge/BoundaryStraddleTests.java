package io.lambda.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.time.EffectiveIngestTime;
import io.lambda.core.time.Granularity;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewDefinition;

/**
 * The scenario of DESIGN.md section 4: a later copy of an id carries an earlier LogAppendTime than its first copy
 * (a change of partition leader), and the boundary T falls between them. Batch reads copies with slot before T, speed
 * keeps slots from T on; both drop repeated ids, first offset wins.
 */
class BoundaryStraddleTests {

    private static final IngestSlots SLOTS = new IngestSlots(Duration.ofMinutes(5));
    private static final Instant T = Instant.parse("2026-11-24T10:05:00Z");
    private static final ViewDefinition VIEW = ViewDefinition.of("pageviews", "", "pageview", Map.of(), List.of(),
            List.of(Granularity.MINUTE), List.of(MetricSpec.count("views")));
    private final ViewFold fold = new ViewFold(List.of(VIEW), SketchSettings.DEFAULTS);

    /** One partition in offset order: the first copy at 10:05:00.2, the repeat stamped 10:04:59.9 by a new leader. */
    private final List<Event> partition = List.of(
            event("a", "2026-11-24T10:04:58Z"),
            event("dup", "2026-11-24T10:05:00.200Z"),
            event("dup", "2026-11-24T10:04:59.900Z"),
            event("b", "2026-11-24T10:05:01Z"));

    @Test
    void shouldCountADuplicateStraddlingTheBoundaryOnceWithTheEffectiveIngestTime() {
        assertThat(mergedCount(true)).isEqualTo(3);
    }

    @Test
    void shouldShowWhyRawLogAppendTimeWouldCountItTwice() {
        assertThat(mergedCount(false)).isEqualTo(4);
    }

    @Test
    void shouldNeverLetTheEffectiveIngestTimeGoBack() {
        Instant previous = null;
        List<Instant> effective = new ArrayList<>();
        for (Event e : partition) {
            previous = EffectiveIngestTime.next(previous, e.ingestTime());
            effective.add(previous);
        }
        assertThat(effective).isSorted();
        assertThat(effective.get(2)).isEqualTo(Instant.parse("2026-11-24T10:05:00.200Z"));
        assertThat(EffectiveIngestTime.next(Long.MIN_VALUE, 5)).isEqualTo(5);
        assertThat(EffectiveIngestTime.next(9, 5)).isEqualTo(9);
    }

    private long mergedCount(boolean effective) {
        Cells batch = new Cells();
        Cells speed = new Cells();
        Set<String> batchSeen = new HashSet<>();
        Set<String> speedSeen = new HashSet<>();
        @Nullable Instant previous = null;
        for (Event e : partition) {
            previous = EffectiveIngestTime.next(previous, e.ingestTime());
            Instant ingest = effective ? previous : e.ingestTime();
            if (SLOTS.slotStart(ingest).isBefore(T) && batchSeen.add(e.id())) {
                fold.add(e, CellKey.NO_SLOT, batch);
            }
            if (speedSeen.add(e.id())) {
                fold.add(e, ingest, SLOTS, speed);
            }
        }
        var monoid = fold.monoid(ViewVersion.of(VIEW));
        List<StoredCell> cells = new ArrayList<>();
        batch.all().forEach((k, a) -> cells.add(StoredCell.batch(k.groupField(), monoid.serialize(a))));
        speed.all().forEach((k, a) -> cells.add(StoredCell.speed(k.partialField(), monoid.serialize(a))));
        Instant from = Instant.parse("2026-11-24T10:00:00Z");
        Instant to = Instant.parse("2026-11-24T11:00:00Z");
        ReadPlan plan = ReadPlan.series(VIEW, Granularity.MINUTE, Map.of(), from, to, T, to);
        return new ViewMerger(VIEW, monoid).series(plan, Map.of(), Layer.MERGED, T, cells).stream()
                .mapToLong(p -> (Long) monoid.result(p.aggregate(), "views", ResultOptions.DEFAULTS)).sum();
    }

    private static Event event(String id, String ingestTime) {
        Instant at = Instant.parse(ingestTime);
        return new Event(id, "pageview", at.minusSeconds(1), Map.of(), at);
    }
}
