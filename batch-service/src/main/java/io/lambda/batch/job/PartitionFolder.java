package io.lambda.batch.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.lambda.batch.BatchLayerProperties;
import io.lambda.batch.publish.StagingStore;
import io.lambda.core.event.Event;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.Aggregate;

/**
 * Folds one partition's events with the lambda-core fold (no ingest slots: batch cells), and once its
 * {@link PartitionReader} has reached the end of the partition, stages the partial aggregates in Redis (within the
 * last chunk, before the step can complete), leaving out rows older than their granularity's retention.
 */
public class PartitionFolder implements ItemWriter<Event>, ItemStream {

    private final PartitionReader reader;
    private final ViewFold fold;
    private final StagingStore staging;
    private final BatchLayerProperties.Retention retention;
    private final Cells cells = new Cells();
    private boolean staged;

    public PartitionFolder(PartitionReader reader, ViewFold fold, StagingStore staging,
            BatchLayerProperties.Retention retention) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.fold = Objects.requireNonNull(fold, "fold");
        this.staging = Objects.requireNonNull(staging, "staging");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public void open(ExecutionContext context) {
        staging.clear(versions(), reader.run().runId(), reader.partition());
    }

    @Override
    public void write(Chunk<? extends Event> chunk) {
        for (Event event : chunk) {
            fold.add(event, CellKey.NO_SLOT, cells);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (reader.exhausted() && !staged) {
            context.putLong(RunContext.CELLS, stage());
            staged = true;
        }
    }

    private long stage() {
        Instant boundary = reader.run().boundary();
        Map<ViewVersion, List<byte[][]>> byView = new LinkedHashMap<>();
        versions().forEach(v -> byView.put(v, new ArrayList<>()));
        long kept = 0;
        for (Map.Entry<CellKey, Aggregate> cell : cells.all().entrySet()) {
            CellKey key = cell.getKey();
            if (!retained(key, boundary)) {
                continue;
            }
            byte[] value = fold.monoid(key.view()).serialize(cell.getValue());
            byView.get(key.view()).add(new byte[][] {StagingStore.field(key), value});
            kept++;
        }
        byView.forEach((view, staged) -> staging.stage(view, reader.run().runId(), reader.partition(), staged));
        return kept;
    }

    private boolean retained(CellKey cell, Instant boundary) {
        Duration keep = retention.of(cell.granularity());
        return keep == null || !cell.bucketStart().isBefore(boundary.minus(keep));
    }

    private List<ViewVersion> versions() {
        return fold.views().stream().map(ViewVersion::of).toList();
    }
}
