package io.lambda.batch.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The job executions running in this process: the only running executions that are certainly alive. */
public class LocalRuns {

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    void started(long executionId) {
        running.add(executionId);
    }

    void ended(long executionId) {
        running.remove(executionId);
    }

    /** Whether this process runs the execution. */
    public boolean runs(long executionId) {
        return running.contains(executionId);
    }
}
