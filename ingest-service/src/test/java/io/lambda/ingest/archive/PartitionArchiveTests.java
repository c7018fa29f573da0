package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.time.IngestSlots;

class PartitionArchiveTests {

    private static final IngestSlots SLOTS = IngestSlots.ofDefault();
    private static final Instant SLOT = Instant.parse("2026-11-24T10:15:00Z");
    private static final Instant NEXT_SLOT = SLOT.plus(SLOTS.length());
    private static final EventAvroCodec CODEC = new EventAvroCodec();
    private static final StoredFileLookup NOTHING_STORED = (slot, partition, offset) -> Optional.empty();

    private final List<SealedFile> sealed = new ArrayList<>();
    private final List<Long> lookups = new ArrayList<>();

    @Test
    void shouldRollTheOpenFileWhenARecordOfTheNextSlotArrives() throws IOException {
        // age windows as long as a slot: only the slot boundary rolls
        PartitionArchive partition = new PartitionArchive("events", 3, new FileLimits(SLOTS, 1 << 20, SLOTS.length(), 1),
                NOTHING_STORED);

        append(partition, 0, SLOT.plusSeconds(1));
        append(partition, 1, SLOT.plusSeconds(299));
        append(partition, 2, NEXT_SLOT);

        assertThat(sealed).extracting(SealedFile::file).containsExactly(new ArchiveFile(SLOT, 3, 0, 1));
        assertThat(ArchiveFileBufferTests.read(sealed.get(0).container())).extracting(Event::id).containsExactly("e0", "e1");
        assertThat(partition.commitPosition()).hasValue(2);
    }

    @Test
    void shouldRollBeforeAFileWouldPassItsSizeLimit() {
        int size = CODEC.encode(event(0, SLOT)).length;
        PartitionArchive partition = partition(2L * size, NOTHING_STORED);

        for (long offset = 0; offset < 5; offset++) {
            append(partition, offset, SLOT.plusMillis(offset));
        }

        assertThat(sealed).extracting(SealedFile::file)
                .containsExactly(new ArchiveFile(SLOT, 3, 0, 1), new ArchiveFile(SLOT, 3, 2, 3));
        assertThat(partition.commitPosition()).hasValue(4);
    }

    @Test
    void shouldRollAtTheEndOfEachAgeWindowOfIngestTime() {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED); // 60 s windows from SLOT on

        append(partition, 0, SLOT);
        append(partition, 1, SLOT.plusSeconds(59));
        append(partition, 2, SLOT.plusSeconds(60));

        assertThat(sealed).extracting(SealedFile::file).containsExactly(new ArchiveFile(SLOT, 3, 0, 1));
        assertThat(partition.commitPosition()).hasValue(2);
    }

    @Test
    void shouldRollAnIdlePartitionsFileOnlyOnceLaterRecordsMustFallInALaterWindow() {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED);
        append(partition, 0, SLOT);
        append(partition, 1, SLOT.plusSeconds(30));

        partition.sealIfWindowEndedBy(SLOT.plusSeconds(60).toEpochMilli() - 1, sealed);
        assertThat(sealed).isEmpty();

        partition.sealIfWindowEndedBy(SLOT.plusSeconds(60).toEpochMilli(), sealed);
        assertThat(sealed).extracting(SealedFile::file).containsExactly(new ArchiveFile(SLOT, 3, 0, 1));
        assertThat(partition.hasOpenFile()).isFalse();
        assertThat(partition.commitPosition()).hasValue(2);
    }

    @Test
    void shouldCutTheSameFilesWhenAZombieAndTheNewOwnerReadFromTheSameOffset() {
        List<Instant> ingestTimes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ingestTimes.add(SLOT.plusSeconds(i * 7L)); // 280 s: five age windows
        }
        int size = CODEC.encode(event(0, SLOT)).length;
        // the zombie read up to record 25, the last one of 120-180 s, found the log end there, and rolled by the clock
        List<SealedFile> zombie = new ArrayList<>();
        PartitionArchive zombiePartition = partition(6L * size, NOTHING_STORED);
        for (int offset = 0; offset < 26; offset++) {
            zombiePartition.append(offset, ingestTimes.get(offset), CODEC.encode(event(offset, ingestTimes.get(offset))),
                    zombie);
        }
        zombiePartition.sealIfWindowEndedBy(SLOT.plusSeconds(180).toEpochMilli(), zombie);
        // the new owner reads everything in one go, long after
        List<SealedFile> owner = new ArrayList<>();
        PartitionArchive ownerPartition = partition(6L * size, NOTHING_STORED);
        for (int offset = 0; offset < 40; offset++) {
            ownerPartition.append(offset, ingestTimes.get(offset), CODEC.encode(event(offset, ingestTimes.get(offset))),
                    owner);
        }

        // three windows, each cut by size as well, the last file ending where the zombie stopped
        assertThat(zombie).hasSizeGreaterThan(3).last().extracting(file -> file.file().lastOffset()).isEqualTo(25L);
        assertThat(owner.subList(0, zombie.size())).extracting(SealedFile::file)
                .containsExactlyElementsOf(zombie.stream().map(SealedFile::file).toList());
        for (int i = 0; i < zombie.size(); i++) {
            assertThat(owner.get(i).container()).as("file %s", zombie.get(i).file()).isEqualTo(zombie.get(i).container());
        }
    }

    @Test
    void shouldSkipAFileItsPredecessorStoredButNeverCommitted() {
        ArchiveFile stored = new ArchiveFile(SLOT, 3, 5, 9);
        PartitionArchive partition = partition(1 << 20, lookup(Optional.of(stored)));

        append(partition, 5, SLOT);
        for (long offset = 6; offset <= 9; offset++) {
            assertThat(partition.skipIfHandled(offset, SLOT)).isTrue();
        }

        assertThat(partition.hasOpenFile()).isFalse();
        assertThat(partition.commitPosition()).hasValue(10);
        assertThat(partition.skipIfHandled(10, SLOT)).isFalse();
        assertThat(lookups).containsExactly(5L);
    }

    @Test
    void shouldStopLookingForStoredFilesOnceAnOffsetHasNone() {
        PartitionArchive partition = partition(1 << 20, lookup(Optional.empty()));

        append(partition, 0, SLOT);
        append(partition, 1, NEXT_SLOT);
        append(partition, 2, NEXT_SLOT.plus(SLOTS.length()));

        assertThat(lookups).containsExactly(0L);
        assertThat(sealed).hasSize(2);
    }

    @Test
    void shouldCommitPastDeadLettersButNeverIntoAnOpenFile() {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED);

        partition.deadLettered(0, SLOT);
        assertThat(partition.commitPosition()).hasValue(1);

        append(partition, 1, SLOT);
        partition.deadLettered(2, SLOT);
        assertThat(partition.commitPosition()).hasValue(1);

        partition.sealIfWindowEndedBy(Long.MAX_VALUE, sealed);
        assertThat(sealed).extracting(SealedFile::file).containsExactly(new ArchiveFile(SLOT, 3, 1, 1));
        assertThat(partition.commitPosition()).hasValue(3);
    }

    @Test
    void shouldOfferAPositionToCommitOnlyWhenItMoved() {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED);
        assertThat(partition.commitPosition()).isEmpty();

        partition.deadLettered(0, SLOT);
        partition.committed(1);

        assertThat(partition.commitPosition()).isEmpty();
    }

    @Test
    void shouldPlaceTheWatermarkAtTheFirstRecordNotYetStored() {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED);
        Instant checkedAt = SLOT.plusSeconds(600);
        assertThat(partition.watermark(false, checkedAt, Duration.ZERO)).isEmpty();
        assertThat(partition.watermark(true, checkedAt, Duration.ZERO)).contains(checkedAt);

        append(partition, 0, SLOT.plusSeconds(1));
        append(partition, 1, SLOT.plusSeconds(2));
        assertThat(partition.watermark(false, checkedAt, Duration.ZERO)).contains(SLOT.plusSeconds(1));

        partition.sealIfWindowEndedBy(Long.MAX_VALUE, sealed);
        assertThat(partition.watermark(false, checkedAt, Duration.ZERO)).contains(SLOT.plusSeconds(2));
        assertThat(partition.watermark(true, checkedAt, Duration.ZERO)).contains(checkedAt);
    }

    @Test
    void shouldNotPlaceACaughtUpWatermarkBeforeTheLastIngestTimeRead() {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED);
        append(partition, 0, SLOT.plusSeconds(10));
        partition.sealIfWindowEndedBy(Long.MAX_VALUE, sealed);

        // now minus the clock-skew margin can lie before a record the broker stamped a moment ago
        assertThat(partition.watermark(true, SLOT.plusSeconds(9), Duration.ZERO)).contains(SLOT.plusSeconds(10));
        assertThat(partition.watermark(true, SLOT.plusSeconds(11), Duration.ZERO)).contains(SLOT.plusSeconds(11));
    }

    @Test
    void shouldTakeRecordTimesTheClockSkewEarlierSinceANewLeaderMayStampEarlierRecordsLater() {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED);
        Duration skew = Duration.ofSeconds(2);
        append(partition, 0, SLOT.plusSeconds(10));
        assertThat(partition.watermark(false, SLOT.plusSeconds(5), skew)).contains(SLOT.plusSeconds(8));

        partition.sealIfWindowEndedBy(Long.MAX_VALUE, sealed);
        assertThat(partition.watermark(false, SLOT.plusSeconds(5), skew)).contains(SLOT.plusSeconds(8));
        assertThat(partition.watermark(true, SLOT.plusSeconds(5), skew)).contains(SLOT.plusSeconds(8));
        assertThat(partition.watermark(true, SLOT.plusSeconds(30), skew)).contains(SLOT.plusSeconds(30));
    }

    @Test
    void shouldFileARecordWhoseTimeSteppedBackByTheEffectiveIngestTimeAndCommitIt() throws IOException {
        PartitionArchive partition = partition(1 << 20, NOTHING_STORED);
        Instant first = NEXT_SLOT.plusMillis(200);

        appendRead(partition, 0, first);
        appendRead(partition, 1, NEXT_SLOT.minusMillis(100)); // a new leader's clock: before the slot boundary
        partition.sealIfWindowEndedBy(Long.MAX_VALUE, sealed);

        assertThat(sealed).extracting(SealedFile::file).containsExactly(new ArchiveFile(NEXT_SLOT, 3, 0, 1));
        assertThat(ArchiveFileBufferTests.read(sealed.get(0).container())).extracting(Event::ingestTime)
                .containsExactly(first, first);
        assertThat(partition.commitEffective()).isEqualTo(first);
        assertThat(EffectiveTimeMetadata.decode(EffectiveTimeMetadata.encode(partition.commitEffective())))
                .isEqualTo(first);
    }

    @Test
    void shouldResumeTheEffectiveIngestTimeAPredecessorCommitted() {
        Instant resumed = NEXT_SLOT.plusSeconds(5);
        PartitionArchive partition = new PartitionArchive("events", 3, new FileLimits(SLOTS, 1 << 20,
                Duration.ofSeconds(60), 1), NOTHING_STORED, resumed);

        appendRead(partition, 7, NEXT_SLOT.minusSeconds(1));

        assertThat(partition.commitEffective()).as("before the open file").isEqualTo(resumed);
        assertThat(partition.effectiveIngestTime(NEXT_SLOT)).isEqualTo(resumed);
    }

    /** As the archiver does: the record's time goes through the partition's effective ingest time first. */
    private void appendRead(PartitionArchive partition, long offset, Instant logAppendTime) {
        Instant effective = partition.effectiveIngestTime(logAppendTime);
        partition.append(offset, effective, CODEC.encode(event(offset, effective)), sealed);
    }

    private PartitionArchive partition(long maxBytes, StoredFileLookup lookup) {
        return new PartitionArchive("events", 3, new FileLimits(SLOTS, maxBytes, Duration.ofSeconds(60), 1), lookup);
    }

    private StoredFileLookup lookup(Optional<ArchiveFile> answer) {
        return (slot, partition, offset) -> {
            lookups.add(offset);
            return answer.filter(file -> file.firstOffset() == offset && file.slot().equals(slot));
        };
    }

    private void append(PartitionArchive partition, long offset, Instant ingestTime) {
        partition.append(offset, ingestTime, CODEC.encode(event(offset, ingestTime)), sealed);
    }

    private static Event event(long offset, Instant ingestTime) {
        return Event.of("e" + offset, "pageview", SLOT.minusSeconds(60), Map.of("n", offset)).withIngestTime(ingestTime);
    }
}
