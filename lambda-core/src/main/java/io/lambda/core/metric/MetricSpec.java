package io.lambda.core.metric;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One metric of a view, e.g. {@code visitors: distinct(userId)}.
 *
 * @param name the metric's name within its view
 * @param kind what the metric computes
 * @param field the event attribute it reads; null exactly when {@code kind} is {@link MetricKind#COUNT}
 */
public record MetricSpec(String name, MetricKind kind, @Nullable String field) {

    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Metric name must not be blank");
        }
        if (kind.needsField() && (field == null || field.isBlank())) {
            throw new IllegalArgumentException("Metric '" + name + "' of kind " + kind.id() + " needs a field");
        }
        if (!kind.needsField() && field != null) {
            throw new IllegalArgumentException("Metric '" + name + "' of kind " + kind.id() + " takes no field");
        }
    }

    /** A {@link MetricKind#COUNT} metric. */
    public static MetricSpec count(String name) {
        return new MetricSpec(name, MetricKind.COUNT, null);
    }

    /** A metric of a kind that reads {@code field}. */
    public static MetricSpec of(String name, MetricKind kind, String field) {
        return new MetricSpec(name, kind, field);
    }
}
