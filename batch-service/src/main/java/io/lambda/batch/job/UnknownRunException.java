package io.lambda.batch.job;

/** No run has the id asked for. */
public final class UnknownRunException extends RuntimeException {

    public UnknownRunException(String runId) {
        super("no batch run with id " + runId);
    }
}
