package io.lambda.batch.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.lambda.batch.job.Boundaries;
import io.lambda.batch.job.RunAlreadyGoingException;
import io.lambda.batch.job.RunHistory;
import io.lambda.batch.job.RunLauncher;
import io.lambda.batch.job.RunStatus;
import io.lambda.batch.job.UnknownRunException;

/** API.md "batch runs": start a run, read one, list the recent ones (and restart a failed one, an extension). */
@RestController
@RequestMapping("/api/v1/batch/runs")
class BatchRunController {

    private final RunLauncher launcher;
    private final RunHistory history;

    BatchRunController(RunLauncher launcher, RunHistory history) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.history = Objects.requireNonNull(history, "history");
    }

    /** The answer of a started run. */
    record StartedRun(String runId, String status, Instant boundary) {
    }

    @PostMapping
    ResponseEntity<StartedRun> start(@RequestBody(required = false) @Nullable JsonNode body) {
        RunLauncher.Started started = launcher.start(boundary(body));
        return ResponseEntity.accepted().location(URI.create("/api/v1/batch/runs/" + started.runId()))
                .body(new StartedRun(started.runId(), "STARTED", started.boundary()));
    }

    @GetMapping("/{runId}")
    RunStatus run(@PathVariable String runId) {
        return history.status(runId);
    }

    @GetMapping
    List<RunStatus> recent(@RequestParam(defaultValue = "20") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 1000) {
            throw new BatchProblem(ProblemType.INVALID_PARAMETER, "limit must be a number from 1 to 1000, got '" + limit + "'");
        }
        return history.recent(count);
    }

    /** Restarts a failed run: partitions it read completely are not read again. */
    @PostMapping("/{runId}/restart")
    ResponseEntity<StartedRun> restart(@PathVariable String runId) {
        List<JobExecution> executions = history.executions(runId);
        JobExecution last = executions.get(executions.size() - 1);
        if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
            throw new BatchProblem(ProblemType.RUN_NOT_RESTARTABLE, "run " + runId + " is " + last.getStatus()
                    + "; only a failed or stopped run can be restarted");
        }
        RunLauncher.Started started = launcher.restart(last);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/batch/runs/" + runId))
                .body(new StartedRun(started.runId(), "STARTED", started.boundary()));
    }

    private static @Nullable Instant boundary(@Nullable JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw new BatchProblem(ProblemType.INVALID_BOUNDARY, "the body must be a JSON object like {\"boundary\": \"2026-11-24T10:00:00Z\"}");
        }
        JsonNode boundary = body.get("boundary");
        if (boundary == null || boundary.isNull()) {
            return null;
        }
        if (boundary.isIntegralNumber()) {
            return Instant.ofEpochMilli(boundary.asLong());
        }
        if (boundary.isString()) {
            try {
                return Instant.parse(boundary.asString());
            } catch (DateTimeParseException e) {
                throw new BatchProblem(ProblemType.INVALID_BOUNDARY, "boundary '" + boundary.asString()
                        + "' is not an RFC 3339 UTC time (e.g. 2026-11-24T10:00:00Z) or epoch milliseconds");
            }
        }
        throw new BatchProblem(ProblemType.INVALID_BOUNDARY, "boundary must be an RFC 3339 time or epoch milliseconds");
    }

    @ExceptionHandler
    BatchProblem refused(Boundaries.BoundaryRefusedException e) {
        return new BatchProblem(ProblemType.BOUNDARY_REFUSED, e.getMessage()).with("maximum", e.maximum().toString());
    }

    @ExceptionHandler
    BatchProblem noWatermark(Boundaries.NoWatermarkException e) {
        return new BatchProblem(ProblemType.NO_WATERMARK, e.getMessage()).header("Retry-After", "5");
    }

    @ExceptionHandler
    BatchProblem going(RunAlreadyGoingException e) {
        return new BatchProblem(ProblemType.RUN_IN_PROGRESS, e.getMessage()).with("runId", e.runningRunId());
    }

    @ExceptionHandler
    BatchProblem unknown(UnknownRunException e) {
        return new BatchProblem(ProblemType.UNKNOWN_RUN, e.getMessage());
    }
}
