package io.lambda.speed.publish;

import java.time.Instant;
import java.util.List;

import io.lambda.core.fold.ViewVersion;
import org.jspecify.annotations.Nullable;

/**
 * Where a speed task publishes its partials (Redis in production: {@link RedisPartialWriter}). Shared by every stream
 * thread, so implementations are thread-safe. Every method fails with a runtime exception when the store can't be
 * reached; the task then keeps its changes and retries on its next flush.
 */
public interface PartialWriter {

    /** Lists the partition in {@code sp:{view:version}} (idempotent; once per task before its first flush). */
    void announce(ViewVersion view, int partition);

    /** Runs every flush, pipelined; the outcomes in the order given. */
    List<FlushOutcome> flush(List<PartitionFlush> flushes);

    /** The published batch boundary {@code T} of a view version, or null before its first batch run. */
    @Nullable Instant boundary(ViewVersion view);

    /**
     * Deletes the partition's partial hashes of chunks that end at or before {@code boundary} and raises the
     * partition's {@code …:floor} to {@code boundary}; returns how many hashes were deleted.
     */
    long cleanup(ViewVersion view, int partition, Instant boundary);
}
