package io.lambda.ingest.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.store.MasterDataset;

/**
 * One archiver session: a consumer in the archive group copying its partitions into the master dataset until
 * {@link #stop()} or a failure. Each loop: poll and add the records to their partitions' open files (rolling at slot
 * boundaries, age windows and size). Rolled files are stored, in parallel, once there are {@code put-threads} of
 * them and at every check; only then are positions committed. A check, every watermark interval, asks for the log
 * ends: a partition read to its end rolls its open file once the file's age window has passed (with the clock-skew
 * margin), so an idle partition's last file is stored too; then it stores, commits and publishes watermarks.
 *
 * <p>File boundaries depend on the records only ({@link FileLimits}), so an archiver that lost its partitions while
 * storing a file (a zombie) and the partitions' new owner store the same objects, never overlapping ones.
 * A failure ends {@link #run()} without committing anything not stored; a new session resumes from the commits.
 *
 * <p>Not thread-safe, except {@link #stop()}. Created by {@link ArchiverFactory}.
 */
public final class Archiver implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Archiver.class);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<String, byte[]> consumer;
    private final Consumer<String, byte[]> highWatermarks;
    private final DeadLetters deadLetters;
    private final ArchiverSettings settings;
    private final ArchiveUploader uploader;
    private final ArchiveMetrics metrics;
    private final ArchiveCommitHook hook;
    private final Clock clock;
    private final AssignedPartitions partitions;
    private final LogEndCheck logEnds;
    private final EventAvroCodec codec = new EventAvroCodec();
    /** Files rolled but not yet stored: stored when there are enough to put in parallel, and every check interval. */
    private final List<SealedFile> sealed = new ArrayList<>();
    private volatile boolean stopping;
    private boolean warnedAboutTimestamps;

    /**
     * @param consumer the archiver's consumer, in its group, reading committed records only
     * @param highWatermarks a consumer in no group reading uncommitted, only asked for the log ends ({@link LogEndCheck})
     */
    Archiver(Consumer<String, byte[]> consumer, Consumer<String, byte[]> highWatermarks, DeadLetters deadLetters,
            ArchiverSettings settings, MasterDataset dataset, ArchiveWatermarkStore watermarks, ArchiveMetrics metrics,
            ArchiveCommitHook hook, Clock clock) {
        this.consumer = consumer;
        this.highWatermarks = highWatermarks;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.uploader = new ArchiveUploader(dataset::put, metrics, settings.properties().putThreads());
        this.metrics = metrics;
        this.hook = hook;
        this.clock = clock;
        this.partitions = new AssignedPartitions(consumer, settings.topic(), settings.fileLimits(), (slot, p, offset) -> {
            var stored = dataset.findStartingAt(slot, p, offset);
            stored.ifPresent(file -> metrics.recovered(1));
            return stored;
        }, this::storeSealed);
        this.logEnds = new LogEndCheck(consumer, highWatermarks, partitions, watermarks, metrics, CLIENT_TIMEOUT);
    }

    /** Archives until {@link #stop()}; throws (after closing its clients) on any failure. */
    @Override
    public void run() {
        ArchiveProperties properties = settings.properties();
        boolean consistent = false;
        try {
            consumer.subscribe(List.of(settings.topic()), partitions);
            long nextCheck = 0;
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(properties.pollTimeout());
                for (TopicPartition tp : records.partitions()) {
                    PartitionArchive partition = partitions.get(tp);
                    for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
                        handle(partition, record);
                    }
                }
                long now = clock.millis();
                if (now < nextCheck) {
                    // files of different partitions roll at different records: storing them together puts them in parallel
                    if (sealed.size() >= properties.putThreads()) {
                        storeSealed();
                        partitions.commit();
                    }
                    continue;
                }
                // taken before asking for the log ends: records that become visible after the answer were stamped
                // later (by the brokers' clock, and once the in-sync replicas have them)
                Instant laterRecordsFrom = clock.instant().minus(properties.unreadRecordsMargin());
                Set<TopicPartition> caughtUp = logEnds.caughtUpPartitions();
                partitions.sealWindowsEndedBy(caughtUp::contains, laterRecordsFrom.toEpochMilli(), sealed);
                storeSealed();
                partitions.commit();
                logEnds.publishWatermarks(caughtUp, laterRecordsFrom, properties.clockSkewMargin());
                nextCheck = now + properties.watermarkInterval().toMillis();
            }
            consistent = true;
        } catch (WakeupException e) { // thrown only by consumer calls: after a poll, a store or a commit
            if (!stopping) {
                throw e;
            }
            consistent = true;
        } finally {
            if (!consistent) {
                // a failure may lie between sealing and storing a file: closing must not commit past it
                sealed.clear();
                partitions.abandon();
            }
            // closing the consumer revokes the partitions, which stores and commits: when that fails, the other
            // clients are closed all the same
            closeAll(() -> consumer.close(CLIENT_TIMEOUT), () -> highWatermarks.close(CLIENT_TIMEOUT), deadLetters::close,
                    uploader::close);
        }
    }

    /** Asks the session to end; safe from any thread. Files not yet stored are dropped (their records stay uncommitted). */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    private void handle(PartitionArchive partition, ConsumerRecord<String, byte[]> record) {
        Instant ingestTime = partition.effectiveIngestTime(Instant.ofEpochMilli(record.timestamp()));
        if (partition.skipIfHandled(record.offset(), ingestTime)) {
            return;
        }
        if (record.timestampType() != TimestampType.LOG_APPEND_TIME && !warnedAboutTimestamps) {
            warnedAboutTimestamps = true;
            log.warn("Topic={} has {} timestamps, not LogAppendTime: ingest times and the watermark are only as "
                    + "ordered as the producers' clocks", record.topic(), record.timestampType());
        }
        byte[] encoded;
        try {
            encoded = encodeWithIngestTime(record.value(), ingestTime);
        } catch (RuntimeException e) {
            deadLetters.send(record, e);
            metrics.deadLettered();
            log.warn("Sent unreadable record topic={} partition={} offset={} to {} reason={}", record.topic(),
                    record.partition(), record.offset(), DeadLetters.topicOf(record.topic()), e.getMessage());
            partition.deadLettered(record.offset(), ingestTime);
            return;
        }
        partition.append(record.offset(), ingestTime, encoded, sealed);
    }

    private byte[] encodeWithIngestTime(byte @Nullable [] value, Instant ingestTime) {
        if (value == null) {
            throw new IllegalArgumentException("record has no value");
        }
        return codec.withIngestTime(value, ingestTime);
    }

    /** Stores every sealed file; only then may positions past them be committed, and watermarks pass them. */
    private void storeSealed() {
        if (sealed.isEmpty()) {
            return;
        }
        uploader.store(sealed);
        hook.beforeCommit(sealed.stream().map(SealedFile::file).toList());
        sealed.clear();
    }

    /** Runs every close, in order; the first failure is thrown once all ran, with the later ones suppressed. */
    private static void closeAll(Runnable... closes) {
        RuntimeException first = null;
        for (Runnable close : closes) {
            try {
                close.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
