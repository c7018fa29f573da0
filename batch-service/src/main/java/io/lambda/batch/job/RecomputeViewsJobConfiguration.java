package io.lambda.batch.job;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.batch.BatchLayerProperties;
import io.lambda.batch.archive.ArchiveListing;
import io.lambda.batch.archive.CorruptArchiveException;
import io.lambda.batch.publish.RunCleaner;
import io.lambda.batch.publish.RunRows;
import io.lambda.batch.publish.StagingStore;
import io.lambda.core.config.SketchProperties;
import io.lambda.core.event.Event;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.redis.BatchPointerPublisher;
import io.lambda.core.time.SlotProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The job {@code recomputeViews} (DESIGN.md section 8): prepare → read every Kafka partition's archive in a
 * partitioned step (one partition per Kafka partition, on a local thread pool; each worker stages its partial
 * aggregates in Redis, so remote workers could take partitions later) → merge the partials and write the rows →
 * publish one pointer per view version.
 */
@Configuration(proxyBeanMethods = false)
public class RecomputeViewsJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RecomputeViewsJobConfiguration.class);

    @Bean
    LocalRuns localRuns() {
        return new LocalRuns();
    }

    @Bean
    RunMetrics runMetrics(MeterRegistry registry, LocalRuns localRuns, Clock clock) {
        return new RunMetrics(registry, localRuns, clock);
    }

    @Bean
    OldRuns oldRuns(RunCleaner cleaner, JobRepository jobs, BatchLayerProperties batch, Clock clock) {
        return new OldRuns(cleaner, jobs, batch.cleanupGrace(), clock);
    }

    @Bean
    Job recomputeViews(JobRepository jobs, Step prepareRun, Step readPartitions, Step mergeRows, Step publishRun,
            RunMetrics runMetrics) {
        return new JobBuilder(RunContext.JOB, jobs)
                .validator(new DefaultJobParametersValidator(new String[] {RunParameters.BOUNDARY, RunParameters.RUN_ID},
                        new String[0]))
                .listener(runMetrics)
                .start(prepareRun)
                .next(readPartitions)
                .next(mergeRows)
                .next(publishRun)
                .build();
    }

    @Bean
    Step prepareRun(JobRepository jobs, PlatformTransactionManager transactions, EventTopicPartitions topic,
            ComputedViews views, ArchiveListing listing, RunRows rows, OldRuns oldRuns) {
        return new StepBuilder("prepareRun", jobs)
                .tasklet(new PrepareRunTasklet(topic, views, listing, rows, oldRuns), transactions)
                .build();
    }

    @Bean
    Step readPartitions(JobRepository jobs, Step readPartition, BatchLayerProperties batch) {
        SimpleAsyncTaskExecutor workers = new SimpleAsyncTaskExecutor("batch-partition-");
        workers.setConcurrencyLimit(batch.threads());
        return new StepBuilder("readPartitions", jobs)
                .partitioner(RunContext.READ_STEP, RecomputeViewsJobConfiguration::partitionsOfTopic)
                .step(readPartition)
                .taskExecutor(workers)
                .build();
    }

    /** One partition per Kafka partition of the event topic, as the prepare step counted them. */
    static Map<String, ExecutionContext> partitionsOfTopic(int gridSize) {
        int partitions = currentStep().getJobExecution().getExecutionContext().getInt(RunContext.PARTITIONS);
        Map<String, ExecutionContext> contexts = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(RunContext.PARTITION, p);
            contexts.put("p" + p, context);
        }
        return contexts;
    }

    @Bean
    Step readPartition(JobRepository jobs, PlatformTransactionManager transactions, PartitionReader partitionReader,
            PartitionFolder partitionFolder, BatchLayerProperties batch) {
        return new StepBuilder(RunContext.READ_STEP, jobs)
                .<Event, Event>chunk(batch.chunkSize())
                .transactionManager(transactions)
                .reader(partitionReader)
                .writer(partitionFolder)
                .faultTolerant()
                .skip(CorruptArchiveException.class)
                .skipLimit(batch.skipLimit())
                .skipListener(new SkipListener<Event, Event>() {
                    @Override
                    public void onSkipInRead(Throwable t) {
                        Throwable cause = t instanceof CorruptArchiveException ? t : t.getCause();
                        if (cause instanceof CorruptArchiveException corrupt) {
                            log.warn("Skipped corrupt archive data file={} position={} step={} reason={}", corrupt.key(),
                                    corrupt.position(), currentStep().getStepName(), corrupt.getMessage());
                        } else {
                            log.warn("Skipped unreadable archive data step={}", currentStep().getStepName(), t);
                        }
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    PartitionReader partitionReader(ArchiveListing listing) {
        return new PartitionReader(listing, currentStep());
    }

    @Bean
    @StepScope
    PartitionFolder partitionFolder(PartitionReader partitionReader, ComputedViews views, StagingStore staging,
            SketchProperties sketches, BatchLayerProperties batch) {
        String versions = currentStep().getJobExecution().getExecutionContext().getString(RunContext.VIEWS);
        ViewFold fold = new ViewFold(views.select(ComputedViews.decode(versions)), sketches.settings());
        return new PartitionFolder(partitionReader, fold, staging, batch.retention());
    }

    @Bean
    Step mergeRows(JobRepository jobs, PlatformTransactionManager transactions, ComputedViews views, StagingStore staging,
            RunRows rows, SketchProperties sketches) {
        return new StepBuilder("mergeRows", jobs)
                .tasklet(new MergeTasklet(views, staging, rows, sketches.settings()), transactions)
                .build();
    }

    @Bean
    Step publishRun(JobRepository jobs, PlatformTransactionManager transactions, BatchPointerPublisher publisher,
            StagingStore staging, OldRuns oldRuns, SlotProperties slots, Clock clock) {
        return new StepBuilder("publishRun", jobs)
                .tasklet(new PublishTasklet(publisher, staging, oldRuns, slots.slots(), clock), transactions)
                .build();
    }

    private static StepExecution currentStep() {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            throw new IllegalStateException("no step is executing on this thread");
        }
        return context.getStepExecution();
    }
}
