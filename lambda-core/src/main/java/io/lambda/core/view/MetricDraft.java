package io.lambda.core.view;

import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricSpec;
import org.jspecify.annotations.Nullable;

/** A metric as written, before it is known to be valid; {@code kind} is null when it could not be parsed. */
record MetricDraft(String name, @Nullable MetricKind kind, @Nullable String field) {

    static MetricDraft of(MetricSpec spec) {
        return new MetricDraft(spec.name(), spec.kind(), spec.field());
    }

    /** The metric; only for drafts that passed validation. */
    MetricSpec toSpec() {
        if (kind == null) {
            throw new IllegalStateException("metric '" + name + "' has no kind although it passed validation");
        }
        return new MetricSpec(name, kind, field);
    }
}
