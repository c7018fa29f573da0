package io.lambda.batch;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.lambda.core.event.Event;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.GroupField;
import io.lambda.core.serving.ServingKey;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.view.ViewDefinition;
import io.lettuce.core.api.sync.RedisCommands;

/** Reads a run's rows back from Redis as the query would, and computes the rows a set of events must give. */
public final class ServedRows {

    private ServedRows() {
    }

    /** The published pointer of a view version, or null. */
    public static @Nullable BatchPointer pointer(RedisCommands<String, String> text, ServingKeys keys, ViewVersion view) {
        String value = text.get(keys.pointer(view.name(), view.version()));
        return value == null ? null : BatchPointer.decode(value);
    }

    /** Every row of a run of a view version: cell → metric results. */
    public static Map<CellKey, Map<String, @Nullable Object>> of(RedisCommands<String, String> text,
            RedisCommands<byte[], byte[]> binary, ServingKeys keys, ViewDefinition view, String runId) {
        ViewVersion version = ViewVersion.of(view);
        AggregateMonoid monoid = new AggregateMonoid(view.metrics(), SketchSettings.DEFAULTS);
        Map<CellKey, Map<String, @Nullable Object>> rows = new HashMap<>();
        for (String member : text.zrange(keys.batchIndex(view.name(), view.version(), runId), 0, -1)) {
            ChunkRef chunk = ChunkRef.decode(member);
            String key = keys.key(new ServingKey.BatchRows(view.name(), view.version(), runId, chunk));
            binary.hgetall(key.getBytes(StandardCharsets.UTF_8)).forEach((field, value) -> rows.put(
                    CellKey.ofBatch(version, chunk, GroupField.fromBytes(field)),
                    monoid.results(monoid.deserialize(value), ResultOptions.DEFAULTS)));
        }
        return rows;
    }

    /** The rows the events give, computed by folding them directly. */
    public static Map<CellKey, Map<String, @Nullable Object>> expected(ViewDefinition view, List<Event> events) {
        ViewFold fold = new ViewFold(List.of(view), SketchSettings.DEFAULTS);
        Cells cells = new Cells();
        events.forEach(e -> fold.add(e, CellKey.NO_SLOT, cells));
        AggregateMonoid monoid = fold.monoid(ViewVersion.of(view));
        Map<CellKey, Map<String, @Nullable Object>> rows = new HashMap<>();
        cells.all().forEach((cell, aggregate) -> rows.put(cell, monoid.results(aggregate, ResultOptions.DEFAULTS)));
        return rows;
    }
}
