package io.lambda.core.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.lambda.core.event.Event;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;

/**
 * One view (DESIGN.md section 6): which events it counts, how it groups them and what it computes.
 *
 * <p>The compact constructor validates every rule and throws one {@link ViewDefinitionException} listing
 * all violations. It also normalises: {@code where} is sorted by key, {@code granularities} are
 * de-duplicated and ordered finest first. Dimension order and metric order are kept as given; both are
 * semantic (see {@link #canonicalForm()}).
 *
 * <p>Use {@link #of} to have the version computed; the canonical constructor rejects a version that does
 * not match the definition, so a {@code ViewDefinition} always carries its true version.
 *
 * @param name          {@code [a-z][a-z0-9_-]{0,63}}
 * @param description   free text, not part of the version
 * @param eventType     the event type this view counts
 * @param where         attribute equality filters; an event matches when, for every entry, it has the attribute
 *                      and the attribute's text form equals the value (see {@link #matches})
 * @param dimensions    group-by attribute keys, 0 to 4, in order
 * @param granularities bucket sizes, non-empty, finest first
 * @param metrics       the metrics in declaration order (the aggregate is the tuple of their states in this order)
 * @param version       first 12 hex characters of the SHA-256 of {@link #canonicalForm()} and {@link #FOLD_SEMANTICS}
 */
public record ViewDefinition(String name, String description, String eventType, Map<String, String> where,
        List<String> dimensions, List<Granularity> granularities, List<MetricSpec> metrics, String version) {

    /** At most this many dimensions per view. */
    public static final int MAX_DIMENSIONS = 4;

    /**
     * The meaning of stored values beyond the definition: bump it whenever the fold's rules change (buckets, rollups,
     * dimension value text, metric state formats), so every version changes and the batch layer recomputes instead of
     * merging values of two meanings. Part of every {@link #version}.
     */
    public static final int FOLD_SEMANTICS = 1;

    /** The dimension value of an event that lacks the attribute (the same group as an empty string). */
    public static final String MISSING_VALUE = "";

    public ViewDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(version, "version");
        where = Collections.unmodifiableMap(new TreeMap<>(where));
        dimensions = List.copyOf(dimensions);
        granularities = List.copyOf(granularities).stream().distinct().sorted().toList();
        metrics = List.copyOf(metrics);
        List<String> errors = new ArrayList<>();
        ViewRules.validate(ViewRules.label(name), name, eventType, where, dimensions, granularities,
                metrics.stream().map(MetricDraft::of).toList(), errors);
        if (!errors.isEmpty()) {
            throw new ViewDefinitionException(errors);
        }
        String expected = CanonicalForm.version(CanonicalForm.of(name, eventType, where, dimensions, granularities,
                metrics));
        if (!expected.equals(version)) {
            throw new ViewDefinitionException(List.of(ViewRules.label(name) + ": version '" + version
                    + "' does not match the definition (expected '" + expected + "')"));
        }
    }

    /** Creates a view and computes its version. */
    public static ViewDefinition of(String name, String description, String eventType, Map<String, String> where,
            List<String> dimensions, List<Granularity> granularities, List<MetricSpec> metrics) {
        List<Granularity> normalized = List.copyOf(granularities).stream().distinct().sorted().toList();
        String version = CanonicalForm.version(CanonicalForm.of(name, eventType, new TreeMap<>(where), dimensions,
                normalized, metrics));
        return new ViewDefinition(name, description, eventType, where, dimensions, granularities, metrics, version);
    }

    /**
     * The deterministic text the version is hashed from: JSON with a fixed key order holding name, event
     * type, {@code where} (sorted by key), dimensions (in order), granularities (finest first) and metrics
     * (in order). The description is left out, so editing it keeps the version.
     *
     * <p>Dimension order is semantic because group fields in the serving store list dimension values in
     * this order. Metric order is semantic because an aggregate is serialised as the tuple of its metric
     * states in this order, and the query API's default metric is the first; reordering metrics therefore
     * makes a new version (and a recompute) rather than reading old bytes with a new layout.
     */
    public String canonicalForm() {
        return CanonicalForm.of(name, eventType, where, dimensions, granularities, metrics);
    }

    /** The finest granularity, the query API's default. */
    public Granularity finestGranularity() {
        return granularities.get(0);
    }

    /** The metric with this name, if the view has one. */
    public Optional<MetricSpec> metric(String metricName) {
        return metrics.stream().filter(m -> m.name().equals(metricName)).findFirst();
    }

    /**
     * Whether this view counts the event: its type equals {@link #eventType} and every {@code where}
     * entry equals the text form of the event's attribute (strings as they are, integers in decimal,
     * doubles as {@link Double#toString(double)}, booleans {@code true}/{@code false}). A missing attribute
     * never matches.
     */
    public boolean matches(Event event) {
        if (!eventType.equals(event.type())) {
            return false;
        }
        for (Map.Entry<String, String> filter : where.entrySet()) {
            Object value = event.attributes().get(filter.getKey());
            if (value == null || !filter.getValue().equals(text(value))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The event's group: the text form of each dimension attribute (as in {@link #matches}), in dimension
     * order; {@link #MISSING_VALUE} (an empty string) where the event lacks the attribute.
     */
    public List<String> dimensionValues(Event event) {
        List<String> values = new ArrayList<>(dimensions.size());
        for (String dimension : dimensions) {
            Object value = event.attributes().get(dimension);
            values.add(value == null ? MISSING_VALUE : text(value));
        }
        return List.copyOf(values);
    }

    private static String text(Object attributeValue) {
        return String.valueOf(attributeValue);
    }
}
