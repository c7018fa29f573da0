package io.lambda.batch.job;

/** A run could not start because another is going (as the job repository records it). */
public final class RunAlreadyGoingException extends RuntimeException {

    private final String runningRunId;

    public RunAlreadyGoingException(String runningRunId) {
        super("batch run " + runningRunId + " is still going; one run at a time");
        this.runningRunId = runningRunId;
    }

    public String runningRunId() {
        return runningRunId;
    }
}
