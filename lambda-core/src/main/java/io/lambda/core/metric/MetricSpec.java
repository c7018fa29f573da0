package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/** Minimal stand-in for the shared MetricSpec type (the metric package owner's version replaces it at merge). */
public record MetricSpec(String name, MetricKind kind, @Nullable String field) {
}
