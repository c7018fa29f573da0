package io.lambda.batch.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A run as API.md reports it, from every execution of its job instance (a restarted run counts the partitions read
 * by earlier executions too).
 *
 * @param runId             the run id
 * @param status            {@code STARTED}, {@code COMPLETED} or {@code FAILED}
 * @param boundary          the run's boundary {@code T}
 * @param startedAt         start of its first execution
 * @param finishedAt        end of its last execution, null while running
 * @param eventsRead        records decoded
 * @param duplicatesDropped copies of ids seen before
 * @param recordsSkipped    corrupt files, blocks or records skipped
 * @param views             view versions computed
 * @param error             why the last execution failed
 * @param progress          files and events so far, estimates
 * @param skipped           where data was skipped (file and position; at most 20 per partition)
 * @param publishRefused    view versions whose pointer was not switched because a higher boundary serves
 * @param executions        job executions of the run (more than 1 after restarts)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(String runId, String status, Instant boundary, @Nullable Instant startedAt,
        @Nullable Instant finishedAt, long eventsRead, long duplicatesDropped, long recordsSkipped, int views,
        @Nullable String error, Progress progress, List<String> skipped, List<String> publishRefused, int executions) {

    /**
     * @param filesRead       files read so far
     * @param filesTotal      files of the run (from the listing)
     * @param eventsEstimated events expected in total, extrapolated from the bytes read so far
     * @param percent         share of the bytes read (100 when completed)
     * @param etaSeconds      estimated seconds left, null when unknown or finished
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(long filesRead, long filesTotal, long eventsEstimated, double percent,
            @Nullable Long etaSeconds) {
    }

    /** The status of a run from its executions, oldest first. */
    static RunStatus of(List<JobExecution> executions, Instant now) {
        JobExecution last = executions.get(executions.size() - 1);
        RunParameters run = RunParameters.of(last.getJobParameters());
        ExecutionContext job = last.getExecutionContext();
        Map<String, StepExecution> partitions = new LinkedHashMap<>();
        executions.stream().flatMap(e -> e.getStepExecutions().stream())
                .filter(s -> s.getStepName().startsWith(RunContext.READ_STEP + ":"))
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .forEach(s -> partitions.put(s.getStepName(), s));
        long filesRead = 0;
        long bytesRead = 0;
        long eventsRead = 0;
        long duplicates = 0;
        long skips = 0;
        List<String> skipped = new ArrayList<>();
        for (StepExecution step : partitions.values()) {
            ExecutionContext context = step.getExecutionContext();
            filesRead += context.getLong(RunContext.FILES_READ, 0);
            bytesRead += context.getLong(RunContext.BYTES_READ, 0);
            eventsRead += context.getLong(RunContext.EVENTS_READ, 0);
            duplicates += context.getLong(RunContext.DUPLICATES, 0);
            skips += step.getReadSkipCount();
            String where = context.getString(RunContext.SKIPPED, "");
            if (!where.isEmpty()) {
                skipped.addAll(Arrays.asList(where.split("\n")));
            }
        }
        String status = status(last.getStatus());
        long filesTotal = job.getLong(RunContext.FILES_TOTAL, 0);
        long bytesTotal = job.getLong(RunContext.BYTES_TOTAL, 0);
        Instant startedAt = instant(executions.get(0).getStartTime());
        Instant finishedAt = last.isRunning() ? null : instant(last.getEndTime());
        double fraction = bytesTotal == 0 ? (status.equals("COMPLETED") ? 1 : 0) : Math.min(1, (double) bytesRead / bytesTotal);
        long eventsEstimated = bytesRead == 0 ? eventsRead : Math.round(eventsRead / Math.min(1, (double) bytesRead / Math.max(1, bytesTotal)));
        double percent = status.equals("COMPLETED") ? 100 : Math.min(99.9, Math.floor(fraction * 1000) / 10);
        Long eta = null;
        if (status.equals("STARTED") && fraction > 0 && startedAt != null) {
            long elapsed = Duration.between(instant(last.getStartTime()) == null ? startedAt : instant(last.getStartTime()), now).toSeconds();
            eta = Math.round(elapsed * (1 - fraction) / fraction);
        } else if (status.equals("COMPLETED")) {
            eta = 0L;
        }
        String refused = job.getString(RunContext.REFUSED, "");
        return new RunStatus(run.runId(), status, run.boundary(), startedAt, finishedAt, eventsRead, duplicates, skips,
                ComputedViews.decode(job.getString(RunContext.VIEWS, "")).size(), error(last),
                new Progress(filesRead, filesTotal, eventsEstimated, percent, eta), List.copyOf(skipped),
                refused.isEmpty() ? List.of() : List.of(refused.split("\n")), executions.size());
    }

    /** API.md's three states. */
    static String status(BatchStatus status) {
        return switch (status) {
            case STARTING, STARTED, STOPPING -> "STARTED";
            case COMPLETED -> "COMPLETED";
            default -> "FAILED";
        };
    }

    private static @Nullable String error(JobExecution execution) {
        if (!status(execution.getStatus()).equals("FAILED")) {
            return null;
        }
        for (StepExecution step : execution.getStepExecutions()) { // the failed worker says more than the manager
            String description = step.getExitStatus().getExitDescription();
            if (step.getStatus() == BatchStatus.FAILED && step.getStepName().startsWith(RunContext.READ_STEP + ":")
                    && !description.isEmpty()) {
                return step.getStepName() + ": " + firstLine(description);
            }
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (!failures.isEmpty()) {
            Throwable root = failures.get(0);
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return failures.get(0).getMessage() + (root != failures.get(0) ? " (cause: " + root.getMessage() + ")" : "");
        }
        String description = execution.getExitStatus().getExitDescription();
        if (description.isEmpty()) {
            return "run " + execution.getStatus().name().toLowerCase();
        }
        return firstLine(description);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
