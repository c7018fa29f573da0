package io.lambda.batch.job;

/** Keys of what a run keeps in its job and step execution contexts (persisted in the job repository). */
final class RunContext {

    // job execution context (written by the prepare step, kept across restarts)
    static final String PARTITIONS = "lambda.partitions";
    static final String VIEWS = "lambda.views";
    static final String FILES_TOTAL = "lambda.filesTotal";
    static final String BYTES_TOTAL = "lambda.bytesTotal";
    static final String ROWS = "lambda.rows";
    static final String REFUSED = "lambda.publishRefused";

    // worker step execution context
    static final String PARTITION = "partition";
    static final String FILES_READ = "lambda.filesRead";
    static final String BYTES_READ = "lambda.bytesRead";
    static final String EVENTS_READ = "lambda.eventsRead";
    static final String DUPLICATES = "lambda.duplicates";
    static final String AFTER_BOUNDARY = "lambda.afterBoundary";
    static final String SKIPPED = "lambda.skipped";
    static final String CELLS = "lambda.cells";
    static final String DEDUP_BYTES_PER_ID = "lambda.dedupBytesPerId";

    // merge step execution context
    static final String MERGED = "lambda.merged";

    static final String JOB = "recomputeViews";
    static final String READ_STEP = "readPartition";

    private RunContext() {
    }
}
