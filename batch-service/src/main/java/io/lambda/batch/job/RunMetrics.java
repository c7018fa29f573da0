package io.lambda.batch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The batch layer's meters, recorded when a run's execution ends, and the record of which executions run in this
 * process ({@link LocalRuns}). {@code lambda.batch.last.success} lets "batch is stale" be alerted on.
 */
class RunMetrics implements JobExecutionListener {

    private final MeterRegistry registry;
    private final LocalRuns local;
    private final Clock clock;
    private final AtomicLong lastBoundary = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final AtomicLong eventsPerSecond = new AtomicLong();
    private final Counter duplicates;
    private final Counter skipped;
    private final Counter events;

    RunMetrics(MeterRegistry registry, LocalRuns local, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.local = Objects.requireNonNull(local, "local");
        this.clock = Objects.requireNonNull(clock, "clock");
        Gauge.builder("lambda.batch.last.boundary", lastBoundary, AtomicLong::get).baseUnit("seconds")
                .description("Boundary T of the last completed run, epoch seconds").register(registry);
        Gauge.builder("lambda.batch.last.success", lastSuccess, AtomicLong::get).baseUnit("seconds")
                .description("When the last run completed, epoch seconds (0: none since start)").register(registry);
        Gauge.builder("lambda.batch.events.rate", eventsPerSecond, AtomicLong::get)
                .description("Events read per second by the last completed run").register(registry);
        duplicates = Counter.builder("lambda.batch.duplicates.dropped").description("Copies of ids dropped").register(registry);
        skipped = Counter.builder("lambda.batch.records.skipped").description("Corrupt files, blocks or records skipped")
                .register(registry);
        events = Counter.builder("lambda.batch.events.read").description("Archived events decoded").register(registry);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        local.started(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        local.ended(execution.getId());
        RunStatus status = RunStatus.of(List.of(execution), clock.instant());
        Duration took = status.startedAt() == null ? Duration.ZERO
                : Duration.between(status.startedAt(), Objects.requireNonNullElse(status.finishedAt(), clock.instant()));
        Timer.builder("lambda.batch.run.duration").tag("status", status.status()).description("Duration of a run's execution")
                .register(registry).record(took);
        duplicates.increment(status.duplicatesDropped());
        skipped.increment(status.recordsSkipped());
        events.increment(status.eventsRead());
        if (status.status().equals("COMPLETED")) {
            lastBoundary.set(status.boundary().getEpochSecond());
            lastSuccess.set(Objects.requireNonNullElse(status.finishedAt(), Instant.now()).getEpochSecond());
            eventsPerSecond.set(took.toMillis() == 0 ? status.eventsRead() : status.eventsRead() * 1000 / took.toMillis());
        }
    }
}
