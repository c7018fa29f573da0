package io.lambda.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.lambda.bench.Throughput.Workload;
import io.lambda.core.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;

import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricMonoid;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.metric.Metrics;

/**
 * Update workloads of the metric monoids over the attribute values of a stream of events: each call folds every
 * value into a long-lived state, as the speed layer folds events into a group's aggregate. Monoids are called
 * through {@link MetricMonoid}, from one call site for all kinds, the way {@link AggregateMonoid#add} calls them.
 */
final class MonoidWorkloads {

    /** One metric of each kind, on the fields a web-analytics view would use. */
    static final List<MetricSpec> SPECS = List.of(
            MetricSpec.count("events"),
            MetricSpec.of("totalDuration", MetricKind.SUM, "durationMs"),
            MetricSpec.of("fastest", MetricKind.MIN, "durationMs"),
            MetricSpec.of("slowest", MetricKind.MAX, "durationMs"),
            MetricSpec.of("meanDuration", MetricKind.AVG, "durationMs"),
            MetricSpec.of("visitors", MetricKind.DISTINCT, "userId"),
            MetricSpec.of("durations", MetricKind.QUANTILES, "durationMs"),
            MetricSpec.of("topPages", MetricKind.TOP, "url"));

    /** The ingest slot the fold row keys every event by (epoch seconds). */
    private static final long SLOT = 1_795_515_300L;

    private MonoidWorkloads() {
    }

    /** Two baselines (a plain sum, a hash-map counter), each monoid of {@link #SPECS}, then all of them at once. */
    static List<Workload> all(List<Event> events) {
        List<Workload> workloads = new ArrayList<>();
        Object[] durations = values(events, "durationMs");
        Object[] urls = values(events, "url");
        workloads.add(new Workload("long += durationMs [baseline]", durations.length, () -> {
            long total = 0;
            for (Object value : durations) {
                total += (Long) value;
            }
            return total;
        }));
        Map<String, long[]> counts = new HashMap<>();
        workloads.add(new Workload("HashMap<String, long[]> ++ url [baseline]", urls.length, () -> {
            for (Object value : urls) {
                counts.computeIfAbsent((String) value, key -> new long[1])[0]++;
            }
            return counts.size();
        }));
        for (MetricSpec spec : SPECS) {
            String label = spec.field() == null ? spec.kind().id() : spec.kind().id() + "(" + spec.field() + ")";
            workloads.add(new Workload(label, events.size(), new MonoidPass<>(Metrics.monoidFor(spec),
                    spec.field() == null ? new Object[events.size()] : values(events, spec.field()))));
        }
        AggregateMonoid aggregateMonoid = new AggregateMonoid(SPECS);
        Event[] all = events.toArray(Event[]::new);
        Aggregate[] aggregate = {aggregateMonoid.empty()};
        workloads.add(new Workload("AggregateMonoid.add, all 8 (per event)", all.length, () -> {
            Aggregate state = aggregate[0];
            for (Event event : all) {
                state = aggregateMonoid.add(state, event);
            }
            aggregate[0] = state;
            return state.size();
        }));
        // the fold both layers run: every cell (granularity x rollup) of every matching example view
        ViewFold fold = new ViewFold(exampleViews().views(), SketchSettings.DEFAULTS);
        Cells cells = new Cells();
        workloads.add(new Workload("ViewFold.add, config/views.yml (per event)", all.length, () -> {
            int updated = 0;
            for (Event event : all) {
                updated += fold.add(event, SLOT, cells);
            }
            return updated;
        }));
        return workloads;
    }

    /** The repository's example views ({@code config/views.yml}, read from the working directory). */
    static ViewCatalog exampleViews() {
        Path file = Path.of("config/views.yml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("run the benchmark from the repository root: no " + file.toAbsolutePath());
        }
        return ViewCatalogLoader.load(file.toString());
    }

    private static Object[] values(List<Event> events, String field) {
        return events.stream().map(event -> event.attributes().get(field)).toArray();
    }

    /** Folds all values into one state kept across calls, like a long-lived group in the speed layer. */
    private static final class MonoidPass<S> implements LongSupplier {

        private final MetricMonoid<S> monoid;
        private final Object[] values;
        private S state;

        MonoidPass(MetricMonoid<S> monoid, Object[] values) {
            this.monoid = monoid;
            this.values = values;
            this.state = monoid.empty();
        }

        @Override
        public long getAsLong() {
            S current = state;
            for (Object value : values) {
                current = monoid.add(current, value);
            }
            state = current;
            return System.identityHashCode(current);
        }
    }
}
