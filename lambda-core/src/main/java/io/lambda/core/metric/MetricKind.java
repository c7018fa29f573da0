package io.lambda.core.metric;

/** Minimal stand-in for the shared MetricKind type (the metric package owner's version replaces it at merge). */
public enum MetricKind {
    COUNT, SUM, MIN, MAX, AVG, DISTINCT, QUANTILES, TOP;

    public boolean needsField() {
        return this != COUNT;
    }
}
