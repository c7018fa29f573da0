package io.lambda.ingest.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions one archiver owns, kept in step with the group's assignment, and their commits.
 *
 * <p>A revoked partition stores its sealed files, commits, and drops its open file: the next owner reads those records again
 * from the committed position, which is the open file's first offset. A lost partition (the group moved on without
 * us) commits nothing.
 */
final class AssignedPartitions implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(AssignedPartitions.class);
    private static final Duration COMMITTED_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<?, ?> consumer;
    private final String topic;
    private final FileLimits limits;
    private final StoredFileLookup lookup;
    private final Runnable storeSealedFiles;
    private final Map<TopicPartition, PartitionArchive> partitions = new HashMap<>();

    /**
     * @param storeSealedFiles stores every sealed file not yet stored; runs before revoked partitions commit, since
     *     their positions count sealed files as handled
     */
    AssignedPartitions(Consumer<?, ?> consumer, String topic, FileLimits limits, StoredFileLookup lookup,
            Runnable storeSealedFiles) {
        this.consumer = consumer;
        this.topic = topic;
        this.limits = limits;
        this.lookup = lookup;
        this.storeSealedFiles = storeSealedFiles;
    }

    PartitionArchive get(TopicPartition partition) {
        return partitions.computeIfAbsent(partition, tp -> new PartitionArchive(topic, tp.partition(), limits, lookup,
                resumedEffective(tp)));
    }

    /**
     * Rolls the open file of every partition {@code caughtUp} holds whose age window ended by
     * {@code laterRecordsFromMillis} ({@link PartitionArchive#sealIfWindowEndedBy}).
     */
    void sealWindowsEndedBy(Predicate<TopicPartition> caughtUp, long laterRecordsFromMillis, List<SealedFile> sealed) {
        partitions.forEach((tp, p) -> {
            if (p.hasOpenFile() && caughtUp.test(tp)) {
                p.sealIfWindowEndedBy(laterRecordsFromMillis, sealed);
            }
        });
    }

    /** The effective ingest time the previous owner committed with the partition's position, if any. */
    private @Nullable Instant resumedEffective(TopicPartition tp) {
        OffsetAndMetadata committed = consumer.committed(Set.of(tp), COMMITTED_TIMEOUT).get(tp);
        return committed == null ? null : EffectiveTimeMetadata.decode(committed.metadata());
    }

    /** Commits every partition whose resume position moved; call only once every sealed file is stored. */
    void commit() {
        commit(partitions.keySet());
    }

    /** The watermark of each owned partition that has one; {@code caughtUp} tells which reached the log end. */
    Map<TopicPartition, Optional<Instant>> watermarks(Predicate<TopicPartition> caughtUp, Instant checkedAt,
            Duration clockSkew) {
        Map<TopicPartition, Optional<Instant>> watermarks = new HashMap<>();
        partitions.forEach((tp, p) -> watermarks.put(tp,
                p.watermark(!p.hasOpenFile() && caughtUp.test(tp), checkedAt, clockSkew)));
        return watermarks;
    }

    /**
     * Forgets every partition without committing, so closing the consumer (which revokes them) commits nothing: for a
     * session that failed at an unknown point between sealing, storing and committing files.
     */
    void abandon() {
        partitions.clear();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        assigned.forEach(this::get);
        log.info("Archiving partitions {}", assigned);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        storeSealedFiles.run(); // throws rather than let a commit pass a file not stored
        commit(revoked);
        revoked.forEach(partitions::remove);
        log.info("Stopped archiving revoked partitions {}", revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        lost.forEach(partitions::remove);
        log.warn("Lost partitions {} without committing; their next owner resumes at the last commit", lost);
    }

    private void commit(Collection<TopicPartition> candidates) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : candidates) {
            PartitionArchive partition = partitions.get(tp);
            OptionalLong position = partition == null ? OptionalLong.empty() : partition.commitPosition();
            position.ifPresent(offset -> offsets.put(tp, new OffsetAndMetadata(offset,
                    EffectiveTimeMetadata.encode(partition.commitEffective()))));
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, offset) -> partitions.get(tp).committed(offset.offset()));
        } catch (RebalanceInProgressException | CommitFailedException e) {
            // stored files stay stored: this owner retries after the rebalance, or the next owner finds them
            log.info("Commit of {} deferred by a rebalance: {}", offsets.keySet(), e.getMessage());
        }
    }
}
