package io.lambda.ingest.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.ArchiveFile;
import io.lambda.core.time.EffectiveIngestTime;

/**
 * What the archiver knows about one assigned partition: its open file, how far it is handled, and whether it is
 * still recovering from a predecessor that stored a file but died before committing it.
 *
 * <p>A record is <em>handled</em> once it is in a sealed file, in the dead-letter topic, or in a file found already
 * stored. Every record up to {@code handledThrough} is handled; records in the open file are not. The commit position
 * is the open file's first offset, or {@code handledThrough + 1} when no file is open, so a successor always resumes
 * at the first record of a file, never inside one.
 *
 * <p>Recovery: after assignment, before opening a file at offset X, look for a stored file {@code X-Y}. Its put
 * happened but the commit didn't: its records are handled, skip through Y and commit {@code Y+1}. The first offset
 * without a stored file ends recovery. File boundaries of a successor thus start where the predecessor's did, and
 * no record lands in two files.
 */
final class PartitionArchive {

    private static final Logger log = LoggerFactory.getLogger(PartitionArchive.class);

    private final String topic;
    private final int partition;
    private final FileLimits limits;
    private final StoredFileLookup lookup;
    private @Nullable ArchiveFileBuffer open;
    private long handledThrough = -1;
    private long lastSeen = -1;
    private @Nullable Instant lastSeenIngestTime;
    private long lastCommitted = -1;
    private boolean recovering = true;
    /** The running maximum of LogAppendTime over every record read (EffectiveIngestTime). */
    private @Nullable Instant effective;
    /** {@link #effective} before the open file's first record: what a successor resuming there starts from. */
    private @Nullable Instant effectiveBeforeOpen;
    /** {@link #effective} before the last record read. */
    private @Nullable Instant effectiveBeforeLast;

    PartitionArchive(String topic, int partition, FileLimits limits, StoredFileLookup lookup) {
        this(topic, partition, limits, lookup, null);
    }

    /**
     * @param resumedEffective the effective ingest time of the records before the committed position, as the previous
     *     owner committed it; null at the partition's start
     */
    PartitionArchive(String topic, int partition, FileLimits limits, StoredFileLookup lookup,
            @Nullable Instant resumedEffective) {
        this.topic = topic;
        this.partition = partition;
        this.limits = limits;
        this.lookup = lookup;
        this.effective = resumedEffective;
    }

    /**
     * The effective ingest time of the next record read (DESIGN.md section 4): the running maximum of LogAppendTime
     * along the partition, carried across owners in the commit metadata. Call once per record, in offset order.
     */
    Instant effectiveIngestTime(Instant logAppendTime) {
        effectiveBeforeLast = effective;
        effective = EffectiveIngestTime.next(effective, logAppendTime);
        return effective;
    }

    /** What to commit beside the position: the effective ingest time of every record before it (null: none read). */
    @Nullable Instant commitEffective() {
        return open != null ? effectiveBeforeOpen : effective;
    }

    /** Whether the record at {@code offset} is already handled (in a file found stored during recovery): then skip it. */
    boolean skipIfHandled(long offset, Instant ingestTime) {
        if (offset > handledThrough) {
            return false;
        }
        seen(offset, ingestTime);
        return true;
    }

    /**
     * Adds a readable record, encoded with its ingest time. Rolls the open file first when the record belongs to
     * another slot or age window, or would make the file too large; rolled files go to {@code sealed}.
     */
    void append(long offset, Instant ingestTime, byte[] encoded, List<SealedFile> sealed) {
        Instant slot = limits.slots().slotStart(ingestTime);
        long windowEnd = limits.windowEnd(ingestTime);
        ArchiveFileBuffer current = open;
        if (current != null && (!current.slot().equals(slot) || current.windowEnd() != windowEnd
                || current.encodedBytes() + encoded.length > limits.maxBytes())) {
            seal(sealed);
        }
        if (open == null) {
            if (recovering && skipStoredFile(slot, offset, ingestTime)) {
                return;
            }
            effectiveBeforeOpen = effectiveBeforeLast;
            open = new ArchiveFileBuffer(topic, partition, slot, offset, ingestTime, windowEnd, limits.deflateLevel());
        }
        open.append(offset, encoded, ingestTime);
        seen(offset, ingestTime);
    }

    /** Marks a record that went to the dead-letter topic as handled. */
    void deadLettered(long offset, Instant ingestTime) {
        seen(offset, ingestTime);
        if (open == null) {
            handledThrough = offset;
        }
    }

    /**
     * Rolls the open file if its age window ended at or before {@code laterRecordsFromMillis}: call it only when the
     * partition was read to its log end and every record appended after that has an ingest time from
     * {@code laterRecordsFromMillis} on. No record of the window can follow then, so the file is the one a record of
     * the next window would have rolled: any archiver rolls it at the same record.
     */
    void sealIfWindowEndedBy(long laterRecordsFromMillis, List<SealedFile> sealed) {
        ArchiveFileBuffer current = open;
        if (current != null && current.windowEnd() <= laterRecordsFromMillis) {
            seal(sealed);
        }
    }

    /** The offset to commit if it moved since the last commit: where a successor has to resume. */
    OptionalLong commitPosition() {
        ArchiveFileBuffer current = open;
        long position = current != null ? current.firstOffset() : handledThrough + 1;
        return position > 0 && position != lastCommitted ? OptionalLong.of(position) : OptionalLong.empty();
    }

    void committed(long position) {
        lastCommitted = position;
    }

    /**
     * The partition's archive watermark: the ingest time of the first record not durably archived. With a file open,
     * that is the file's first record. Without one, every record read is archived: when the consumer has reached the
     * log end, everything appended before {@code safeNow} is (now on this host minus the clock-skew and replication-lag
     * margins, or the last ingest time read if that is later); otherwise the next record's ingest time is unknown but
     * not before the last one read. Record times are taken {@code clockSkew} earlier: each leader stamps with its own
     * clock, so after a change of leader a record may carry an earlier time than the one before it. Empty when nothing
     * is known yet (the previous value stays published).
     */
    Optional<Instant> watermark(boolean caughtUp, Instant safeNow, Duration clockSkew) {
        ArchiveFileBuffer current = open;
        if (current != null) {
            return Optional.of(current.firstIngestTime().minus(clockSkew));
        }
        Instant lastSeen = lastSeenIngestTime == null ? null : lastSeenIngestTime.minus(clockSkew);
        if (caughtUp) {
            return Optional.of(lastSeen != null && lastSeen.isAfter(safeNow) ? lastSeen : safeNow);
        }
        return Optional.ofNullable(lastSeen);
    }

    int partition() {
        return partition;
    }

    boolean hasOpenFile() {
        return open != null;
    }

    private boolean skipStoredFile(Instant slot, long offset, Instant ingestTime) {
        Optional<ArchiveFile> stored = lookup.findStartingAt(slot, partition, offset);
        if (stored.isEmpty()) {
            recovering = false;
            return false;
        }
        ArchiveFile file = stored.get();
        log.info("Found stored but uncommitted archive file {} of topic={}; resuming after offset {}", file, topic,
                file.lastOffset());
        handledThrough = file.lastOffset();
        seen(offset, ingestTime);
        return true;
    }

    private void seal(List<SealedFile> sealed) {
        ArchiveFileBuffer current = open;
        if (current != null) {
            sealed.add(current.seal());
            open = null;
            handledThrough = lastSeen;
        }
    }

    private void seen(long offset, Instant ingestTime) {
        lastSeen = offset;
        lastSeenIngestTime = ingestTime;
    }
}
