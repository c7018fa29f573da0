package io.lambda.core.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.lambda.core.event.Event;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.serving.Rollup;
import io.lambda.core.time.Granularity;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewDefinition;

/**
 * The one fold of the platform: an event becomes an update of every cell it belongs to, in every view version that
 * counts it ({@link ViewDefinition#matches}), for every granularity of the view and every stored row
 * ({@link Rollup#forView}). The speed layer folds with the event's ingest slot, the batch layer without
 * ({@link CellKey#NO_SLOT}); neither derives buckets, rollups or groups itself, so both compute the same cells.
 *
 * <p>Pure and cheap: the views' rollups and dimension positions are resolved once here; per event the dimension
 * values are read once and each rollup's group list is built once and shared by every granularity.
 * Immutable and thread-safe; the {@link Cells} it adds into are not.
 */
public final class ViewFold {

    private final Map<ViewVersion, FoldedView> byVersion = new LinkedHashMap<>();
    private final Map<String, List<FoldedView>> byEventType = new HashMap<>();
    private final SketchSettings sketches;

    /**
     * @param views    every view version to compute (several versions of one view are allowed)
     * @param sketches the sketch sizes; every layer must use the same ({@code lambda.sketches.*})
     */
    public ViewFold(Collection<ViewDefinition> views, SketchSettings sketches) {
        this.sketches = sketches;
        for (ViewDefinition view : views) {
            FoldedView folded = new FoldedView(view, new AggregateMonoid(view.metrics(), sketches));
            if (byVersion.putIfAbsent(folded.version, folded) == null) {
                byEventType.computeIfAbsent(view.eventType(), t -> new ArrayList<>()).add(folded);
            }
        }
    }

    /** The sketch sizes of every monoid of this fold. */
    public SketchSettings sketches() {
        return sketches;
    }

    /** Every view version folded, in the order given. */
    public List<ViewDefinition> views() {
        return byVersion.values().stream().map(v -> v.definition).toList();
    }

    /**
     * The monoid of a view version.
     *
     * @throws NoSuchElementException when the fold does not compute it
     */
    public AggregateMonoid monoid(ViewVersion version) {
        FoldedView view = byVersion.get(version);
        if (view == null) {
            throw new NoSuchElementException("the fold does not compute view version " + version);
        }
        return view.monoid;
    }

    /**
     * Adds an event to every cell it updates, keyed by its ingest slot (speed layer).
     *
     * @param ingestTime the event's effective ingest time ({@code io.lambda.core.time.EffectiveIngestTime})
     * @return the number of cells updated (0 when no view counts the event)
     */
    public int add(Event event, Instant ingestTime, IngestSlots slots, Cells into) {
        return add(event, slots.slotStart(ingestTime).getEpochSecond(), into);
    }

    /**
     * Adds an event to every cell it updates.
     *
     * @param slot the ingest slot start in epoch seconds, or {@link CellKey#NO_SLOT} (batch layer)
     * @return the number of cells updated
     */
    public int add(Event event, long slot, Cells into) {
        List<FoldedView> candidates = byEventType.get(event.type());
        if (candidates == null) {
            return 0;
        }
        int updated = 0;
        long eventSecond = event.timestamp().getEpochSecond();
        for (FoldedView view : candidates) {
            if (!view.definition.matches(event)) {
                continue;
            }
            List<String> full = view.definition.dimensionValues(event);
            for (int r = 0; r < view.rollups.length; r++) {
                List<String> values = view.project(r, full);
                for (Granularity granularity : view.granularities) {
                    long bucket = Math.floorDiv(eventSecond, granularity.duration().getSeconds())
                            * granularity.duration().getSeconds();
                    CellKey key = new CellKey(view.version, granularity, view.rollups[r], bucket, values, slot);
                    view.monoid.add(into.update(key, view.monoid), event);
                    updated++;
                }
            }
        }
        return updated;
    }

    private static final class FoldedView {
        final ViewDefinition definition;
        final ViewVersion version;
        final AggregateMonoid monoid;
        final Granularity[] granularities;
        final Rollup[] rollups;
        final int[][] keptPositions;

        FoldedView(ViewDefinition definition, AggregateMonoid monoid) {
            this.definition = definition;
            this.version = ViewVersion.of(definition);
            this.monoid = monoid;
            this.granularities = definition.granularities().toArray(Granularity[]::new);
            List<Rollup> forView = Rollup.forView(definition);
            this.rollups = forView.toArray(Rollup[]::new);
            this.keptPositions = new int[rollups.length][];
            for (int r = 0; r < rollups.length; r++) {
                List<String> kept = rollups[r].kept();
                keptPositions[r] = kept.stream().mapToInt(definition.dimensions()::indexOf).toArray();
            }
        }

        List<String> project(int rollup, List<String> full) {
            int[] positions = keptPositions[rollup];
            if (positions.length == 0) {
                return List.of();
            }
            if (positions.length == full.size()) {
                return full;
            }
            if (positions.length == 1) {
                return List.of(full.get(positions[0]));
            }
            String[] values = new String[positions.length];
            for (int i = 0; i < positions.length; i++) {
                values[i] = full.get(positions[i]);
            }
            return List.of(values);
        }
    }
}
