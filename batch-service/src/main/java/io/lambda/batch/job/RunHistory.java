package io.lambda.batch.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs as the job repository records them: one run = one job instance of {@code recomputeViews}. */
public class RunHistory {

    private final JobRepository jobs;
    private final JdbcTemplate jdbc;
    private final String tablePrefix;
    private final Clock clock;

    public RunHistory(JobRepository jobs, JdbcTemplate jdbc, String tablePrefix, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The status of a run.
     *
     * @throws UnknownRunException when no run has this id
     */
    public RunStatus status(String runId) {
        return RunStatus.of(executions(runId), clock.instant());
    }

    /** The executions of a run, oldest first. */
    public List<JobExecution> executions(String runId) {
        JobInstance instance = instance(runId);
        if (instance == null) {
            throw new UnknownRunException(runId);
        }
        return executions(instance);
    }

    /** The most recent runs, newest first. */
    public List<RunStatus> recent(int limit) {
        List<RunStatus> runs = new ArrayList<>();
        for (JobInstance instance : jobs.getJobInstances(RunContext.JOB, 0, limit)) {
            List<JobExecution> executions = executions(instance);
            if (!executions.isEmpty()) {
                runs.add(RunStatus.of(executions, clock.instant()));
            }
        }
        return runs;
    }

    private List<JobExecution> executions(JobInstance instance) {
        List<JobExecution> executions = new ArrayList<>();
        for (JobExecution execution : jobs.getJobExecutions(instance)) {
            JobExecution full = jobs.getJobExecution(execution.getId());
            executions.add(full == null ? execution : full);
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId));
        return executions;
    }

    private @Nullable JobInstance instance(String runId) {
        // the repository has no lookup by parameter value; its parameters table does
        List<Long> ids = jdbc.queryForList("SELECT E.JOB_INSTANCE_ID FROM " + tablePrefix + "JOB_EXECUTION_PARAMS P JOIN "
                + tablePrefix + "JOB_EXECUTION E ON E.JOB_EXECUTION_ID = P.JOB_EXECUTION_ID"
                + " WHERE P.PARAMETER_NAME = ? AND P.PARAMETER_VALUE = ?", Long.class, RunParameters.RUN_ID, runId);
        return ids.isEmpty() ? null : jobs.getJobInstance(ids.get(0));
    }
}
