package io.lambda.batch.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.lambda.batch.publish.StagingStore;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.redis.BatchPointerPublisher;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.time.IngestSlots;

/**
 * Last step: publishes one pointer per view version with the guarded switch (a lower boundary than the one serving
 * is refused: noted in the run, which still completes), removes the run's staging, and removes old runs whose grace
 * period is over.
 */
class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final BatchPointerPublisher publisher;
    private final StagingStore staging;
    private final OldRuns oldRuns;
    private final IngestSlots slots;
    private final Clock clock;

    PublishTasklet(BatchPointerPublisher publisher, StagingStore staging, OldRuns oldRuns, IngestSlots slots, Clock clock) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.staging = Objects.requireNonNull(staging, "staging");
        this.oldRuns = Objects.requireNonNull(oldRuns, "oldRuns");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        RunParameters run = RunParameters.of(job.getJobParameters());
        List<ViewVersion> versions = ComputedViews.decode(job.getExecutionContext().getString(RunContext.VIEWS));
        int partitions = job.getExecutionContext().getInt(RunContext.PARTITIONS);
        List<String> refused = new ArrayList<>();
        for (ViewVersion version : versions) {
            BatchPointer pointer = BatchPointer.forSlots(slots, run.runId(), run.boundary(), clock.instant());
            BatchPointerPublisher.Outcome outcome = publisher.publish(version, pointer);
            if (outcome.published()) {
                log.info("Published batch view view={} runId={} boundary={}", version, run.runId(), run.boundary());
            } else {
                refused.add(version + " (serving boundary " + outcome.serving().boundary() + " of run "
                        + outcome.serving().runId() + ")");
                log.warn("Publish refused view={} runId={} boundary={}: run {} with the higher boundary {} serves",
                        version, run.runId(), run.boundary(), outcome.serving().runId(), outcome.serving().boundary());
            }
        }
        job.getExecutionContext().putString(RunContext.REFUSED, String.join("\n", refused));
        staging.clearRun(versions, run.runId(), partitions);
        oldRuns.remove(versions, partitions);
        return RepeatStatus.FINISHED;
    }
}
