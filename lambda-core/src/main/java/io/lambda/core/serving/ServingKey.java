package io.lambda.core.serving;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One key of the serving store, as data. {@link ServingKeys} turns a {@code ServingKey} into its text (with
 * the global prefix) and back. Each record validates its parts, so a built key is always well formed and
 * parses back to an equal record. The layout and the reasons for it are in {@link ServingKeys} and
 * {@code lambda-core/KEYS.md}.
 */
public sealed interface ServingKey {

    /** The view name rule of {@code ViewDefinition}. */
    Pattern VIEW = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /** View versions: 12 hex characters in production; any short token without key separators is accepted. */
    Pattern VERSION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Batch run ids, e.g. {@code 20261124T100000Z-7f3a}. */
    Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The view name. */
    String view();

    /** The view version. */
    String version();

    /** {@code <p>ptr:{<view>:<version>}}: string, the published {@link BatchPointer}. */
    record Pointer(String view, String version) implements ServingKey {
        public Pointer {
            check(view, version);
        }
    }

    /** {@code <p>runs:{<view>:<version>}}: sorted set of run ids that wrote rows, scored by boundary epoch seconds. */
    record Runs(String view, String version) implements ServingKey {
        public Runs {
            check(view, version);
        }
    }

    /** {@code <p>bi:{<view>:<version>}:<runId>}: sorted set of the run's {@link ChunkRef}s, scored by chunk start. */
    record BatchIndex(String view, String version, String runId) implements ServingKey {
        public BatchIndex {
            check(view, version);
            checkRun(runId);
        }
    }

    /**
     * {@code <p>b:<view>:<version>:<runId>:<granularity>:<rollup>:<chunk>}: hash {@link GroupField} → aggregate.
     * No hash tag: rows spread over the cluster.
     */
    record BatchRows(String view, String version, String runId, ChunkRef chunk) implements ServingKey {
        public BatchRows {
            check(view, version);
            checkRun(runId);
            Objects.requireNonNull(chunk, "chunk");
            if (!Chunks.isChunkStart(chunk.granularity(), chunk.chunkStart())) {
                throw new IllegalArgumentException(chunk.chunkStart() + " is not the start of a "
                        + chunk.granularity().id() + " chunk");
            }
        }
    }

    /** {@code <p>sp:{<view>:<version>}}: set of source partitions that have written speed partials. */
    record SpeedPartitions(String view, String version) implements ServingKey {
        public SpeedPartitions {
            check(view, version);
        }
    }

    /**
     * {@code <p>s:{<view>:<version>:<partition>}:<granularity>:<rollup>:<slotChunk>}: hash {@link PartialField} →
     * aggregate, plus {@link PartialField#OFFSET_FIELD}.
     */
    record SpeedPartial(String view, String version, int partition, ChunkRef chunk) implements ServingKey {
        public SpeedPartial {
            check(view, version);
            checkPartition(partition);
            Objects.requireNonNull(chunk, "chunk");
            if (!Chunks.slotChunkStart(chunk.chunkStart()).equals(chunk.chunkStart())) {
                throw new IllegalArgumentException(chunk.chunkStart() + " is not the start of a slot chunk (an hour)");
            }
        }
    }

    /** {@code <p>s:{<view>:<version>:<partition>}:offset}: string, the partition's flushed position (decimal). */
    record SpeedOffset(String view, String version, int partition) implements ServingKey {
        public SpeedOffset {
            check(view, version);
            checkPartition(partition);
        }
    }

    /** {@code <p>s:{<view>:<version>:<partition>}:idx}: sorted set of the partition's {@link ChunkRef}s. */
    record SpeedIndex(String view, String version, int partition) implements ServingKey {
        public SpeedIndex {
            check(view, version);
            checkPartition(partition);
        }
    }

    /**
     * {@code <p>s:{<view>:<version>:<partition>}:from}: string, epoch seconds of the first ingest slot the
     * speed layer computed completely for this version and partition; written once.
     */
    record SpeedFrom(String view, String version, int partition) implements ServingKey {
        public SpeedFrom {
            check(view, version);
            checkPartition(partition);
        }
    }

    private static void check(String view, String version) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(version, "version");
        if (!VIEW.matcher(view).matches()) {
            throw new IllegalArgumentException("view name '" + view + "' must match " + VIEW);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("view version '" + version + "' must match " + VERSION);
        }
    }

    private static void checkRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must match " + RUN_ID);
        }
    }

    private static void checkPartition(int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
    }
}
