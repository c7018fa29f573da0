package io.lambda.batch;

import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.PlatformTransactionManager;

import io.lambda.batch.archive.ArchiveListing;
import io.lambda.batch.job.Boundaries;
import io.lambda.batch.job.ComputedViews;
import io.lambda.batch.job.EventTopicPartitions;
import io.lambda.batch.job.LocalRuns;
import io.lambda.batch.job.RunHistory;
import io.lambda.batch.job.RunLauncher;
import io.lambda.batch.job.RunLock;
import io.lambda.batch.job.RunScheduler;
import io.lambda.batch.publish.RedisLinks;
import io.lambda.batch.publish.RunCleaner;
import io.lambda.batch.publish.RunRows;
import io.lambda.batch.publish.StagingStore;
import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.core.redis.BatchPointerPublisher;
import io.lambda.core.redis.SlotLengthRecord;
import io.lambda.core.redis.VersionRegistry;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.serving.ServingProperties;
import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.core.time.SlotProperties;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewsProperties;

/** The batch layer's collaborators: Redis, the object store, Kafka metadata, the run launcher and its schedule. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServingKeys servingKeys(ServingProperties serving) {
        return serving.keys();
    }

    @Bean(destroyMethod = "close")
    RedisLinks redisLinks(RedisConnectionFactory connectionFactory, ServingKeys keys, SlotProperties slots,
            BatchLayerProperties batch) {
        if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalStateException("the batch layer needs the Lettuce Redis client, found "
                    + connectionFactory.getClass().getName());
        }
        RedisLinks links = RedisLinks.connect(lettuce.getRequiredNativeClient(), batch.redisTimeout());
        SlotLengthRecord.verify(links.text(), keys, slots.slots());
        return links;
    }

    @Bean(destroyMethod = "close")
    ObjectStore objectStore(ObjectStoreProperties store) {
        return ObjectStore.create(store);
    }

    @Bean
    ArchiveListing archiveListing(ObjectStore store, ArchivePrefixProperties archive, SlotProperties slots) {
        return new ArchiveListing(store, new ArchivePaths(archive.prefix(), slots.slots()));
    }

    @Bean
    ComputedViews computedViews(ViewsProperties views, RedisLinks redis, ServingKeys keys) {
        return new ComputedViews(ViewCatalogLoader.load(views), new VersionRegistry(redis.text(), keys));
    }

    @Bean
    BatchPointerPublisher batchPointerPublisher(RedisLinks redis, ServingKeys keys) {
        return new BatchPointerPublisher(redis.text(), keys);
    }

    @Bean
    StagingStore stagingStore(RedisLinks redis, ServingKeys keys) {
        return new StagingStore(redis, keys);
    }

    @Bean
    RunRows runRows(RedisLinks redis, ServingKeys keys) {
        return new RunRows(redis, keys);
    }

    @Bean
    RunCleaner runCleaner(RedisLinks redis, ServingKeys keys, StagingStore staging) {
        return new RunCleaner(redis, keys, staging);
    }

    @Bean
    EventTopicPartitions eventTopicPartitions(KafkaAdmin admin, EventTopicProperties topic) {
        return new EventTopicPartitions(admin, topic);
    }

    @Bean
    Boundaries boundaries(RedisLinks redis, ServingKeys keys, EventTopicPartitions partitions, SlotProperties slots) {
        return new Boundaries(redis.text(), keys, partitions, slots.slots());
    }

    /** The job operator runs jobs on these threads, so starting a run returns once it is recorded. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor batchRunExecutor() {
        return new SimpleAsyncTaskExecutor("batch-run-");
    }

    @Bean
    RunLock runLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new RunLock(jdbc, transactions);
    }

    @Bean
    RunHistory runHistory(JobRepository jobs, JdbcTemplate jdbc, BatchJdbcProperties jdbcProperties, Clock clock) {
        String prefix = jdbcProperties.getTablePrefix();
        return new RunHistory(jobs, jdbc, prefix == null ? "BATCH_" : prefix, clock);
    }

    @Bean
    RunLauncher runLauncher(JobOperator operator, Job recomputeViews, JobRepository jobs, RunLock lock, Boundaries boundaries,
            LocalRuns local, BatchLayerProperties batch, Clock clock) {
        return new RunLauncher(operator, recomputeViews, jobs, lock, boundaries, local, batch.recoverAfter(), clock);
    }

    @Bean
    RunScheduler runScheduler(RunLauncher launcher, Boundaries boundaries, ComputedViews views,
            EventTopicPartitions topic, BatchPointerPublisher pointers) {
        return new RunScheduler(launcher, boundaries, views, topic, pointers);
    }

    /** Runs whose process died are recovered and restarted when the service starts. */
    @Bean
    ApplicationRunner recoverDeadRuns(RunScheduler scheduler) {
        return arguments -> scheduler.recoverAtStart();
    }

    /** Scheduled runs every {@code lambda.batch.interval} ({@code lambda.batch.schedule-enabled}). */
    @Bean
    @ConditionalOnBooleanProperty(name = "lambda.batch.schedule-enabled", matchIfMissing = true)
    SchedulingConfigurer batchSchedule(RunScheduler scheduler, BatchLayerProperties batch) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(scheduler::tick, batch.interval(),
                batch.initialDelay()));
    }
}
