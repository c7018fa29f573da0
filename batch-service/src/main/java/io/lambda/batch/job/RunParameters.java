package io.lambda.batch.job;

import java.time.Instant;
import java.util.Objects;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import io.lambda.core.serving.ServingKey;

/**
 * The parameters of a {@code recomputeViews} run, both identifying: a run is one job instance.
 *
 * @param boundary the boundary {@code T}: events ingested before it are read (a slot start)
 * @param runId    the run's namespace in Redis ({@code [A-Za-z0-9._-]{1,64}})
 */
public record RunParameters(Instant boundary, String runId) {

    static final String BOUNDARY = "boundary";
    static final String RUN_ID = "runId";

    public RunParameters {
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(runId, "runId");
        if (!ServingKey.RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must match " + ServingKey.RUN_ID);
        }
    }

    /** The job parameters: {@code boundary} (epoch ms) and {@code runId}. */
    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLong(BOUNDARY, boundary.toEpochMilli(), true)
                .addString(RUN_ID, runId, true)
                .toJobParameters();
    }

    /** The parameters of a run's job execution. */
    public static RunParameters of(JobParameters parameters) {
        Long boundary = parameters.getLong(BOUNDARY);
        String runId = parameters.getString(RUN_ID);
        if (boundary == null || runId == null) {
            throw new IllegalArgumentException("a recomputeViews run needs the parameters boundary and runId, got "
                    + parameters);
        }
        return new RunParameters(Instant.ofEpochMilli(boundary), runId);
    }
}
