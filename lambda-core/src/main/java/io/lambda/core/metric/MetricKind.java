package io.lambda.core.metric;

import java.util.Locale;

/** The kinds of metric a view can declare; spelled in lower case in views.yml and JSON. */
public enum MetricKind {
    /** Number of events. */
    COUNT,
    /** Sum of a numeric field. */
    SUM,
    /** Smallest value of a numeric field. */
    MIN,
    /** Largest value of a numeric field. */
    MAX,
    /** Mean of a numeric field. */
    AVG,
    /** Estimated number of distinct values of a field (HyperLogLog). */
    DISTINCT,
    /** Value of a numeric field at a rank chosen by the query (KLL). */
    QUANTILES,
    /** Most frequent values of a field (frequent-items sketch). */
    TOP;

    /** Whether the metric reads a field; all kinds but {@link #COUNT} do. */
    public boolean needsField() {
        return this != COUNT;
    }

    /** The lower-case spelling used in views.yml and JSON, e.g. {@code distinct}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind spelled {@code id}, ignoring case.
     *
     * @throws IllegalArgumentException if no kind has that name
     */
    public static MetricKind parse(String id) {
        for (MetricKind kind : values()) {
            if (kind.name().equalsIgnoreCase(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown metric kind '" + id + "'");
    }
}
