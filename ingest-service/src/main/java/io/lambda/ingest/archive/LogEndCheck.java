package io.lambda.ingest.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archiver's periodic look at the log ends: which of its partitions it has read to their end, and the archive
 * watermarks that follow (DESIGN.md section 5), published to the {@link ArchiveWatermarkStore} and the metric.
 * Not thread-safe: it uses the archiver's consumer, on the archiver's thread.
 */
final class LogEndCheck {

    private static final Logger log = LoggerFactory.getLogger(LogEndCheck.class);

    private final Consumer<?, ?> consumer;
    private final Consumer<?, ?> highWatermarks;
    private final AssignedPartitions partitions;
    private final ArchiveWatermarkStore watermarks;
    private final ArchiveMetrics metrics;
    private final Duration clientTimeout;

    /** Partitions an open transaction holds back, so that each change is logged once. */
    private final Set<TopicPartition> heldBack = new HashSet<>();

    LogEndCheck(Consumer<?, ?> consumer, Consumer<?, ?> highWatermarks, AssignedPartitions partitions,
            ArchiveWatermarkStore watermarks, ArchiveMetrics metrics, Duration clientTimeout) {
        this.consumer = consumer;
        this.highWatermarks = highWatermarks;
        this.partitions = partitions;
        this.watermarks = watermarks;
        this.metrics = metrics;
        this.clientTimeout = clientTimeout;
    }

    /**
     * The assigned partitions whose every record up to the log end has been returned by a poll, and which no open
     * transaction holds back. The archiver reads committed records only, so its log end is the last stable offset:
     * records that other writers append after an open transaction's first one are stamped (LogAppendTime) but hidden
     * until that transaction ends. A partition counts as read to its end only when the last stable offset has reached
     * the high watermark asked for before it.
     */
    Set<TopicPartition> caughtUpPartitions() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return Set.of();
        }
        // first: every record stamped before this answer is below the stable end asked for next, unless a
        // transaction is open
        if (!highWatermarks.assignment().equals(assigned)) {
            // asked for partitions it does not hold, the consumer logs a warning per partition and answer ("Not
            // updating high watermark ... no longer assigned"); it holds them but never polls, so it fetches nothing
            highWatermarks.assign(assigned);
        }
        Map<TopicPartition, Long> high = highWatermarks.endOffsets(assigned, clientTimeout);
        Map<TopicPartition, Long> stable = consumer.endOffsets(assigned, clientTimeout);
        Set<TopicPartition> caughtUp = new HashSet<>();
        for (TopicPartition tp : assigned) {
            Long end = stable.get(tp);
            Long highWatermark = high.get(tp);
            if (end == null || highWatermark == null || consumer.position(tp, clientTimeout) < end) {
                continue;
            }
            if (end >= highWatermark) {
                caughtUp.add(tp);
                if (heldBack.remove(tp)) {
                    log.info("Partition {} is no longer held back by an open transaction", tp);
                }
            } else if (heldBack.add(tp)) {
                log.warn("An open transaction holds the last stable offset of {} at {}, below its high watermark {}:"
                        + " records after it are hidden from the archiver, so its watermark waits", tp, end,
                        highWatermark);
            }
        }
        heldBack.retainAll(assigned);
        return caughtUp;
    }

    /**
     * Raises the published watermark of every partition that has one ({@link AssignedPartitions#watermarks}) and sets
     * the metric to their minimum, or to unknown while some partition has none. A store that fails is logged: archiving
     * goes on, and the published watermark just stays behind until the next check.
     *
     * @param caughtUp the partitions read to their log end
     * @param laterRecordsFrom the earliest ingest time records appended after the log ends were asked for can carry
     * @param clockSkew how much earlier than a record read a later record may be stamped (by another leader's clock)
     */
    void publishWatermarks(Set<TopicPartition> caughtUp, Instant laterRecordsFrom, Duration clockSkew) {
        Map<TopicPartition, Optional<Instant>> current = partitions.watermarks(caughtUp::contains, laterRecordsFrom,
                clockSkew);
        Map<Integer, Instant> known = new HashMap<>();
        current.forEach((tp, watermark) -> watermark.ifPresent(w -> known.put(tp.partition(), w)));
        boolean allKnown = !current.isEmpty() && known.size() == current.size();
        metrics.watermark(allKnown ? known.values().stream().min(Instant::compareTo) : Optional.empty());
        try {
            watermarks.raise(known);
        } catch (RuntimeException e) {
            log.warn("Could not publish the archive watermark of partitions {}: {}", known.keySet(), e.toString());
        }
    }
}
