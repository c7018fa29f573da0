package io.lambda.batch.job;

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

import io.lambda.batch.archive.ArchiveListing;
import io.lambda.batch.archive.ListedFile;
import io.lambda.batch.publish.RunRows;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.view.ViewDefinition;

/**
 * First step of a run: fixes what the run computes (the view versions and the topic's partition count, kept in the
 * job context so a restart computes the same), lists the dataset for the progress totals, and enters the run in
 * every view version's {@code runs} before anything is written (KEYS.md "Batch run" step 1).
 */
class PrepareRunTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PrepareRunTasklet.class);

    private final EventTopicPartitions topic;
    private final ComputedViews views;
    private final ArchiveListing listing;
    private final RunRows rows;
    private final OldRuns oldRuns;

    PrepareRunTasklet(EventTopicPartitions topic, ComputedViews views, ArchiveListing listing, RunRows rows,
            OldRuns oldRuns) {
        this.oldRuns = Objects.requireNonNull(oldRuns, "oldRuns");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.views = Objects.requireNonNull(views, "views");
        this.listing = Objects.requireNonNull(listing, "listing");
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        RunParameters run = RunParameters.of(job.getJobParameters());
        int partitions = topic.count();
        List<ViewDefinition> computed = views.resolve(partitions);
        Map<Integer, List<ListedFile>> files = listing.before(run.boundary());
        long filesTotal = files.values().stream().mapToLong(List::size).sum();
        long bytesTotal = files.values().stream().flatMap(List::stream).mapToLong(ListedFile::bytes).sum();
        ExecutionContext context = job.getExecutionContext();
        context.putInt(RunContext.PARTITIONS, partitions);
        context.putString(RunContext.VIEWS, ComputedViews.encode(computed));
        context.putLong(RunContext.FILES_TOTAL, filesTotal);
        context.putLong(RunContext.BYTES_TOTAL, bytesTotal);
        for (ViewDefinition view : computed) {
            rows.register(ViewVersion.of(view), run.runId(), run.boundary());
        }
        oldRuns.remove(computed.stream().map(ViewVersion::of).toList(), partitions);
        log.info("Batch run runId={} boundary={} views={} partitions={} files={} bytes={}", run.runId(), run.boundary(),
                computed.size(), partitions, filesTotal, bytesTotal);
        return RepeatStatus.FINISHED;
    }
}
