package io.lambda.ingest.archive;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.lambda.core.store.ArchivePaths;

/**
 * The archive role ({@code lambda.archive.*}).
 *
 * @param enabled           whether this instance archives (default {@code false}: an HTTP ingestion instance does not)
 * @param groupId           Kafka consumer group of the archivers; every archiver instance of one dataset shares it
 * @param maxFileBytes      a file is rolled before its records' encoded (uncompressed) bytes would pass this; also the
 *                          memory one partition's open file may take
 * @param maxFileAge        the ingest-time width of a file's age window (aligned to the epoch): a file holds records of
 *                          one window and is rolled at its end, by the first record of a later window or, on a
 *                          partition read to its log end, once the window has passed by the clock-skew margin; bounds
 *                          the watermark's lag behind ingestion (to about this plus the margin and the watermark
 *                          interval)
 * @param pollTimeout       longest wait of one Kafka poll
 * @param prefix            object-key prefix of the master dataset, ending in {@code /}
 * @param deflateLevel      Avro deflate level of the files, 1 (fastest) to 9; 0 writes them uncompressed. Deflate is
 *                          read by every Avro library without native code
 * @param watermarkInterval how often the watermark is computed and published
 * @param clockSkewMargin   how far apart the clocks of this host and the brokers may be: a partition read up to its
 *                          log end counts as archived up to now minus this, since the brokers stamp later records with
 *                          their own clock (LogAppendTime), and record times count this much earlier, since a new
 *                          leader may stamp a later record with an earlier time; too small a margin could let a batch
 *                          boundary pass records not yet archived
 * @param replicationLagMargin how long a record may stay invisible to consumers after its leader stamped it: until the
 *                          in-sync replicas have it, or the brokers drop a lagging follower from the ISR, which takes
 *                          up to {@code replica.lag.time.max.ms} (30 s by default) plus half of it between their checks.
 *                          A partition read to its log end counts as archived up to now minus both margins, so a
 *                          follower holding the high watermark back can't let the watermark pass a record stamped
 *                          before it. Zero is right for a single broker (replication factor 1)
 * @param restartBackoff    wait before a failed archiver (object store or Kafka down) starts again
 * @param putThreads        partitions whose files are stored at once (a partition's own files go one after another):
 *                          files of several partitions often roll together (slot end, age), and a put's latency,
 *                          not the bandwidth, is what limits a real S3
 */
@ConfigurationProperties("lambda.archive")
public record ArchiveProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("lambda-archiver") String groupId,
        @DefaultValue("64MB") DataSize maxFileBytes,
        @DefaultValue("60s") Duration maxFileAge,
        @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue(ArchivePaths.DEFAULT_PREFIX) String prefix,
        @DefaultValue("1") int deflateLevel,
        @DefaultValue("1s") Duration watermarkInterval,
        @DefaultValue("2s") Duration clockSkewMargin,
        @DefaultValue("45s") Duration replicationLagMargin,
        @DefaultValue("5s") Duration restartBackoff,
        @DefaultValue("4") int putThreads) {

    public ArchiveProperties {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(prefix, "prefix");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("lambda.archive.group-id must not be blank");
        }
        if (maxFileBytes.toBytes() < 1 || maxFileBytes.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("lambda.archive.max-file-bytes must be between 1B and 2GB, got " + maxFileBytes);
        }
        requirePositive(maxFileAge, "max-file-age");
        requirePositive(pollTimeout, "poll-timeout");
        requirePositive(watermarkInterval, "watermark-interval");
        if (clockSkewMargin.isNegative()) {
            throw new IllegalArgumentException(
                    "lambda.archive.clock-skew-margin must not be negative, got " + clockSkewMargin);
        }
        if (replicationLagMargin.isNegative()) {
            throw new IllegalArgumentException(
                    "lambda.archive.replication-lag-margin must not be negative, got " + replicationLagMargin);
        }
        if (restartBackoff.isNegative()) {
            throw new IllegalArgumentException("lambda.archive.restart-backoff must not be negative, got " + restartBackoff);
        }
        if (putThreads < 1) {
            throw new IllegalArgumentException("lambda.archive.put-threads must be at least 1, got " + putThreads);
        }
        if (deflateLevel < 0 || deflateLevel > 9) {
            throw new IllegalArgumentException("lambda.archive.deflate-level must be 0 to 9, got " + deflateLevel);
        }
    }

    /** The defaults, archiving enabled. */
    public static ArchiveProperties defaults() {
        return new ArchiveProperties(true, "lambda-archiver", DataSize.ofMegabytes(64), Duration.ofSeconds(60),
                Duration.ofMillis(500), ArchivePaths.DEFAULT_PREFIX, 1, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(45), Duration.ofSeconds(5), 4);
    }

    /** These settings with other file limits. */
    public ArchiveProperties withFileLimits(DataSize bytes, Duration age) {
        return new ArchiveProperties(enabled, groupId, bytes, age, pollTimeout, prefix, deflateLevel, watermarkInterval,
                clockSkewMargin, replicationLagMargin, restartBackoff, putThreads);
    }

    /** These settings with another deflate level (0 uncompressed, 1-9). */
    public ArchiveProperties withDeflateLevel(int otherDeflateLevel) {
        return new ArchiveProperties(enabled, groupId, maxFileBytes, maxFileAge, pollTimeout, prefix, otherDeflateLevel,
                watermarkInterval, clockSkewMargin, replicationLagMargin, restartBackoff, putThreads);
    }

    /** These settings with another consumer group. */
    public ArchiveProperties withGroupId(String otherGroupId) {
        return new ArchiveProperties(enabled, otherGroupId, maxFileBytes, maxFileAge, pollTimeout, prefix, deflateLevel,
                watermarkInterval, clockSkewMargin, replicationLagMargin, restartBackoff, putThreads);
    }

    /** These settings with another poll timeout, watermark (and log-end check) interval and clock-skew margin. */
    public ArchiveProperties withTiming(Duration otherPollTimeout, Duration otherWatermarkInterval,
            Duration otherClockSkewMargin) {
        return new ArchiveProperties(enabled, groupId, maxFileBytes, maxFileAge, otherPollTimeout, prefix, deflateLevel,
                otherWatermarkInterval, otherClockSkewMargin, replicationLagMargin, restartBackoff, putThreads);
    }

    /** These settings with another replication-lag margin (zero for a single broker). */
    public ArchiveProperties withReplicationLagMargin(Duration otherReplicationLagMargin) {
        return new ArchiveProperties(enabled, groupId, maxFileBytes, maxFileAge, pollTimeout, prefix, deflateLevel,
                watermarkInterval, clockSkewMargin, otherReplicationLagMargin, restartBackoff, putThreads);
    }

    /**
     * How far before this host's "now" a record not yet read from a partition at its log end may have been stamped:
     * the clock-skew margin plus the replication-lag margin.
     */
    public Duration unreadRecordsMargin() {
        return clockSkewMargin.plus(replicationLagMargin);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lambda.archive." + name + " must be positive, got " + duration);
        }
    }
}
