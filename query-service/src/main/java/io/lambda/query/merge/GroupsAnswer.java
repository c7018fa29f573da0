package io.lambda.query.merge;

import java.util.List;
import java.util.Map;

import io.lambda.core.merge.Layer;
import io.lambda.core.merge.Source;
import io.lambda.core.time.Granularity;
import org.jspecify.annotations.Nullable;

/**
 * A groups answer: the groups of {@code by}, largest {@code metric} first.
 *
 * @param granularity the bucket size read (the coarsest that tiles the range)
 */
public record GroupsAnswer(String view, String version, String by, String metric, Granularity granularity,
        Layer layer, Completeness completeness, List<Group> groups) {

    public GroupsAnswer {
        groups = List.copyOf(groups);
    }

    /** One group: the {@code by} value and its metrics over the whole range. */
    public record Group(String key, Source source, Map<String, @Nullable Object> metrics) {
    }
}
