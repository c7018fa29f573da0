package io.lambda.batch.job;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

import io.lambda.batch.publish.RunCleaner;
import io.lambda.core.fold.ViewVersion;

/**
 * Removes runs that no longer serve once the grace period after the serving pointer's publication is over; runs the
 * job repository reports as running are kept. Called when a run starts (by then the serving pointer is about an
 * interval old) and after it publishes.
 */
class OldRuns {

    private final RunCleaner cleaner;
    private final JobRepository jobs;
    private final Duration grace;
    private final Clock clock;

    OldRuns(RunCleaner cleaner, JobRepository jobs, Duration grace, Clock clock) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void remove(List<ViewVersion> versions, int partitions) {
        Set<String> inFlight = new HashSet<>();
        for (JobExecution running : jobs.findRunningJobExecutions(RunContext.JOB)) {
            inFlight.add(RunParameters.of(running.getJobParameters()).runId());
        }
        for (ViewVersion version : versions) {
            cleaner.removeOldRuns(version, inFlight, clock.instant(), grace, partitions);
        }
    }
}
