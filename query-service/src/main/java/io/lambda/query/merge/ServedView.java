package io.lambda.query.merge;

import io.lambda.core.merge.ViewMerger;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.view.ViewDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The version of a view that answers now, with its batch pointer as read once for this query.
 *
 * @param definition the served version's definition (from views.yml, or the registry when views.yml moved on)
 * @param pointer    the served version's published batch pointer, null before its first batch run
 * @param pending    a newer version still being computed, or null
 */
public record ServedView(ViewDefinition definition, AggregateMonoid monoid, ViewMerger merger,
        @Nullable BatchPointer pointer, @Nullable String pending) {

    public String name() {
        return definition.name();
    }

    public String version() {
        return definition.version();
    }
}
