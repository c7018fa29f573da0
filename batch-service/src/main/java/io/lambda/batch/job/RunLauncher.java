package io.lambda.batch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts, restarts and recovers runs. Whether a run is going is the job repository's answer (running executions),
 * asked under the {@link RunLock}, so two requests or two instances never both start. The job operator runs jobs on
 * its own threads: starting returns once the execution is recorded.
 */
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    private final JobOperator operator;
    private final Job job;
    private final JobRepository jobs;
    private final RunLock lock;
    private final Boundaries boundaries;
    private final LocalRuns local;
    private final Duration recoverAfter;
    private final Clock clock;

    public RunLauncher(JobOperator operator, Job job, JobRepository jobs, RunLock lock, Boundaries boundaries,
            LocalRuns local, Duration recoverAfter, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.job = Objects.requireNonNull(job, "job");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
        this.local = Objects.requireNonNull(local, "local");
        this.recoverAfter = Objects.requireNonNull(recoverAfter, "recoverAfter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A run that started. */
    public record Started(String runId, Instant boundary, long executionId) {
    }

    /**
     * Starts a run with the requested boundary, or the highest allowed one.
     *
     * @throws Boundaries.BoundaryRefusedException when the requested boundary is not allowed
     * @throws Boundaries.NoWatermarkException      when no boundary is allowed yet
     * @throws RunAlreadyGoingException             when a run is going
     */
    public Started start(@Nullable Instant requestedBoundary) {
        Instant boundary = boundaries.choose(requestedBoundary);
        RunParameters run = new RunParameters(boundary, newRunId(boundary));
        JobExecution execution = lock.exclusively(() -> {
            requireNoneRunning();
            return lock.outsideTransaction(() -> {
                try {
                    return operator.start(job, run.toJobParameters());
                } catch (Exception e) {
                    throw new IllegalStateException("could not start run " + run.runId() + ": " + e.getMessage(), e);
                }
            });
        });
        log.info("Started batch run runId={} boundary={} execution={}", run.runId(), boundary, execution.getId());
        return new Started(run.runId(), boundary, execution.getId());
    }

    /**
     * Restarts a failed run: partitions it read completely are not read again.
     *
     * @throws RunAlreadyGoingException when a run is going
     */
    public Started restart(JobExecution failed) {
        RunParameters run = RunParameters.of(failed.getJobParameters());
        JobExecution execution = lock.exclusively(() -> {
            requireNoneRunning();
            return lock.outsideTransaction(() -> {
                try {
                    return operator.restart(failed);
                } catch (Exception e) {
                    throw new IllegalStateException("could not restart run " + run.runId() + ": " + e.getMessage(), e);
                }
            });
        });
        log.info("Restarted batch run runId={} boundary={} execution={}", run.runId(), run.boundary(), execution.getId());
        return new Started(run.runId(), run.boundary(), execution.getId());
    }

    /**
     * Recovers the runs the repository still records as running although no process runs them (their process died:
     * not running here and no update for {@code lambda.batch.recover-after}), and restarts the newest of them.
     *
     * @return the executions recovered
     */
    public List<Long> recoverDeadRuns() {
        List<JobExecution> dead = new ArrayList<>();
        for (JobExecution running : jobs.findRunningJobExecutions(RunContext.JOB)) {
            JobExecution full = Objects.requireNonNullElse(jobs.getJobExecution(running.getId()), running);
            if (!local.runs(full.getId()) && lastActivity(full).plus(recoverAfter).isBefore(clock.instant().plusMillis(1))) {
                dead.add(full);
            }
        }
        List<Long> recovered = new ArrayList<>();
        JobExecution newest = null;
        for (JobExecution execution : dead) {
            log.warn("Recovering batch run runId={} execution={}: recorded as running without a live process since {}",
                    RunParameters.of(execution.getJobParameters()).runId(), execution.getId(), lastActivity(execution));
            JobExecution failed = operator.recover(execution);
            jobs.updateExecutionContext(failed); // recover marks it, but only updates the execution itself
            recovered.add(failed.getId());
            if (newest == null || failed.getId() > newest.getId()) {
                newest = failed;
            }
        }
        if (newest != null) {
            try {
                restart(Objects.requireNonNull(jobs.getJobExecution(newest.getId())));
            } catch (RunAlreadyGoingException e) {
                log.info("Recovered run {} not restarted: {}", newest.getId(), e.getMessage());
            }
        }
        return recovered;
    }

    /** The run ids the repository records as running. */
    public Set<String> running() {
        return Set.copyOf(jobs.findRunningJobExecutions(RunContext.JOB).stream()
                .map(e -> RunParameters.of(e.getJobParameters()).runId()).toList());
    }

    private void requireNoneRunning() {
        Set<String> running = running();
        if (!running.isEmpty()) {
            throw new RunAlreadyGoingException(running.iterator().next());
        }
    }

    private static Instant lastActivity(JobExecution execution) {
        LocalDateTime last = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getCreateTime();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && step.getLastUpdated().isAfter(last)) {
                last = step.getLastUpdated();
            }
        }
        return last.atZone(ZoneId.systemDefault()).toInstant();
    }

    private String newRunId(Instant boundary) {
        return RUN_TIME.format(LocalDateTime.ofInstant(boundary, ZoneOffset.UTC)) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }
}
