package io.lambda.query.store;

import java.util.Map;

import io.lambda.core.merge.ReadPlan;
import org.jspecify.annotations.Nullable;

/**
 * The hashes one answer reads: the plan's batch rows of a run (none when {@code runId} is null) and its speed
 * partials of every partition {@code 0..partitions-1} (none when {@code partitions} is 0).
 *
 * @param filters the query's {@code dim.} filters; when they fix every value the row keeps, batch fields are
 *                computed and read with {@code HMGET} instead of {@code HGETALL}
 */
public record CellRead(ReadPlan plan, @Nullable String runId, int partitions, Map<String, String> filters) {

    public CellRead {
        filters = Map.copyOf(filters);
    }
}
