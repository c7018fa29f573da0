package io.lambda.speed.publish;

/** What the flush script did with one {@link PartitionFlush}. */
public enum FlushOutcome {
    /** Everything written, with the position. */
    WRITTEN,
    /** Nothing written: Redis holds a newer position (a replay behind a newer flush, or a zombie). */
    REFUSED,
    /**
     * Nothing written: the generation marker is missing or another than the task last saw, so Redis lost data (or
     * another owner wrote): the task must rewrite every partial it holds with a new generation.
     */
    GENERATION_CHANGED
}
