package io.lambda.query.store;

import java.util.List;

/**
 * The event topic as one lookup saw it: partition count and, per partition {@code 0..n-1}, the log start and end
 * offsets (Kafka's convention: the end is the offset the next record will get).
 *
 * @param startNanos {@link System#nanoTime()} when the lookup was started; its offsets were read after that
 */
public record TopicEnd(int partitions, List<Long> startOffsets, List<Long> endOffsets, long startNanos) {

    public TopicEnd {
        startOffsets = List.copyOf(startOffsets);
        endOffsets = List.copyOf(endOffsets);
        if (startOffsets.size() != partitions || endOffsets.size() != partitions) {
            throw new IllegalArgumentException("offsets of " + startOffsets.size() + "/" + endOffsets.size()
                    + " partitions for a topic of " + partitions);
        }
    }

    /** The sum of the end offsets: every record the topic has taken (API.md {@code ingest.endOffsets}). */
    public long totalEndOffsets() {
        return endOffsets.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The records of a partition not reflected by a flushed position: {@code end - position}, or the whole partition
     * ({@code end - start}) when nothing was flushed.
     */
    public long lag(int partition, Long position) {
        long end = endOffsets.get(partition);
        long from = position == null ? startOffsets.get(partition) : position;
        return Math.max(0, end - from);
    }
}
