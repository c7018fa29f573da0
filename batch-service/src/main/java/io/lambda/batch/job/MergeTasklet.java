package io.lambda.batch.job;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.lambda.batch.publish.RunRows;
import io.lambda.batch.publish.StagingStore;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.view.ViewDefinition;

/**
 * Merges the staged partials of every partition with the view's monoid and writes the rows under the run's
 * namespace, one view version per repeat (each repeat commits, so a restart goes on with the next version).
 */
class MergeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MergeTasklet.class);

    private final ComputedViews views;
    private final StagingStore staging;
    private final RunRows rows;
    private final io.lambda.core.metric.SketchSettings sketches;

    MergeTasklet(ComputedViews views, StagingStore staging, RunRows rows, io.lambda.core.metric.SketchSettings sketches) {
        this.views = Objects.requireNonNull(views, "views");
        this.staging = Objects.requireNonNull(staging, "staging");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.sketches = Objects.requireNonNull(sketches, "sketches");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext step = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        RunParameters run = RunParameters.of(job.getJobParameters());
        List<ViewVersion> versions = ComputedViews.decode(job.getExecutionContext().getString(RunContext.VIEWS));
        int partitions = job.getExecutionContext().getInt(RunContext.PARTITIONS);
        int next = step.getInt(RunContext.MERGED, 0);
        if (next >= versions.size()) {
            return RepeatStatus.FINISHED;
        }
        ViewVersion version = versions.get(next);
        ViewDefinition definition = views.select(List.of(version)).get(0);
        AggregateMonoid monoid = new AggregateMonoid(definition.metrics(), sketches);
        Map<String, byte[]> merged = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            if (!staging.isComplete(version, run.runId(), p)) {
                throw new IllegalStateException("staging of " + version + " partition " + p + " of run " + run.runId()
                        + " is missing (removed as an old run?): start a new run");
            }
            staging.forEach(version, run.runId(), p, (field, value) -> merged.merge(
                    new String(field, StandardCharsets.UTF_8), value,
                    (a, b) -> monoid.serialize(monoid.combine(monoid.deserialize(a), monoid.deserialize(b)))));
        }
        Map<String, Map<byte[], byte[]>> byChunk = new LinkedHashMap<>();
        merged.forEach((field, value) -> {
            int slash = field.indexOf('/');
            byChunk.computeIfAbsent(field.substring(0, slash), c -> new LinkedHashMap<>())
                    .put(field.substring(slash + 1).getBytes(StandardCharsets.UTF_8), value);
        });
        long written = rows.write(version, run.runId(), byChunk);
        step.putInt(RunContext.MERGED, next + 1);
        job.getExecutionContext().putLong(RunContext.ROWS, job.getExecutionContext().getLong(RunContext.ROWS, 0) + written);
        contribution.incrementWriteCount(written);
        log.info("Wrote batch rows runId={} view={} fields={} hashes={}", run.runId(), version, written, byChunk.size());
        return next + 1 < versions.size() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }
}
