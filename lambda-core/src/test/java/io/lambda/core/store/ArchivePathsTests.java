package io.lambda.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lambda.core.time.IngestSlots;

class ArchivePathsTests {

    private static final ArchivePaths PATHS = new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, IngestSlots.ofDefault());
    private static final Instant SLOT = Instant.parse("2026-11-24T10:15:00Z");

    @Test
    void shouldNameAFileBySlotPartitionAndZeroPaddedOffsets() {
        ArchiveFile file = new ArchiveFile(SLOT, 3, 120_034, 120_999);

        assertThat(PATHS.key(file))
                .isEqualTo("events/v1/slot=2026-11-24T10:15Z/p=3/0000000000000120034-0000000000000120999.avro");
    }

    @Test
    void shouldParseAKeyBackIntoItsFile() {
        ArchiveFile file = new ArchiveFile(SLOT, 11, 0, Long.MAX_VALUE);

        assertThat(PATHS.parse(PATHS.key(file))).contains(file);
    }

    @Test
    void shouldUseTheSecondsFormOfSubMinuteSlots() {
        ArchivePaths paths = new ArchivePaths("t/", new IngestSlots(Duration.ofSeconds(10)));
        ArchiveFile file = new ArchiveFile(SLOT.plusSeconds(20), 0, 5, 9);

        assertThat(paths.key(file)).isEqualTo("t/slot=2026-11-24T10:15:20Z/p=0/0000000000000000005-0000000000000000009.avro");
        assertThat(paths.parse(paths.key(file))).contains(file);
    }

    @Test
    void shouldSortKeysOfOneSlotAndPartitionByOffset() {
        List<String> keys = new ArrayList<>();
        for (long first : new long[] {9, 10, 99, 100, 1_000_000}) {
            keys.add(PATHS.key(new ArchiveFile(SLOT, 0, first, first)));
        }

        assertThat(keys).isSorted();
    }

    @Test
    void shouldGiveTheFilesStartingAtAnOffsetAPrefixNoOtherFileShares() {
        String prefix = PATHS.startingAt(SLOT, 3, 12);

        assertThat(prefix).isEqualTo("events/v1/slot=2026-11-24T10:15Z/p=3/0000000000000000012-");
        assertThat(PATHS.key(new ArchiveFile(SLOT, 3, 12, 40))).startsWith(prefix);
        assertThat(PATHS.key(new ArchiveFile(SLOT, 3, 120, 140))).doesNotStartWith(prefix);
        assertThat(PATHS.partitionPrefix(SLOT, 3)).isEqualTo("events/v1/slot=2026-11-24T10:15Z/p=3/");
        assertThat(PATHS.slotPrefix(SLOT)).isEqualTo("events/v1/slot=2026-11-24T10:15Z/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "other/slot=2026-11-24T10:15Z/p=3/0000000000000000001-0000000000000000002.avro",
            "events/v1/slot=2026-11-24T10:15Z/p=3/1-2.avro",
            "events/v1/slot=2026-11-24T10:15Z/p=03/0000000000000000001-0000000000000000002.avro",
            "events/v1/slot=2026-11-24T10:15Z/p=3/0000000000000000002-0000000000000000001.avro",
            "events/v1/slot=2026-11-24T10:15Z/p=3/0000000000000000001-0000000000000000002.json",
            "events/v1/slot=2026-11-24T10:15:00Z/p=3/0000000000000000001-0000000000000000002.avro",
            "events/v1/slot=2026-13-24T10:15Z/p=3/0000000000000000001-0000000000000000002.avro",
            "events/v1/slot=2026-11-24T10:15Z/p=3/9999999999999999999-9999999999999999999.avro",
            "events/v1/_manifest.json"})
    void shouldNotTakeKeysOutsideTheLayoutForFiles(String key) {
        assertThat(PATHS.parse(key)).isEmpty();
    }

    @Test
    void shouldRefuseAFileOfAnotherSlotLengthRatherThanSkipIt() {
        String written = "events/v1/slot=2026-11-24T10:16Z/p=3/0000000000000000001-0000000000000000002.avro";

        assertThatThrownBy(() -> PATHS.parse(written)).isInstanceOf(OtherSlotLengthException.class)
                .hasMessageContaining("another lambda.slot").hasMessageContaining(written);
    }

    @Test
    void shouldRejectAPrefixThatIsNotAFolder() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ArchivePaths("events", IngestSlots.ofDefault()))
                .withMessage("archive prefix must be empty or end with '/', got 'events'");
    }

    @Test
    void shouldRejectFilesWithOffsetsOutOfOrderOrNegativePartitions() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ArchiveFile(SLOT, 0, 5, 4))
                .withMessage("offsets must satisfy 0 <= first <= last, got 5-4");
        assertThatIllegalArgumentException().isThrownBy(() -> new ArchiveFile(SLOT, -1, 0, 0))
                .withMessage("partition must not be negative, got -1");
    }

    @Test
    void shouldTellWhichOffsetsAFileCoversAndWhereTheNextFileStarts() {
        ArchiveFile file = new ArchiveFile(SLOT, 0, 10, 20);

        assertThat(file.covers(10)).isTrue();
        assertThat(file.covers(20)).isTrue();
        assertThat(file.covers(21)).isFalse();
        assertThat(file.covers(9)).isFalse();
        assertThat(file.nextOffset()).isEqualTo(21);
    }

    @Test
    void shouldBoundListingsByMinutesSoBothSlotTextFormsFallInside() {
        ArchivePaths paths = new ArchivePaths("e/", new IngestSlots(Duration.ofSeconds(10)));
        String bound = paths.minuteBound(SLOT.plusSeconds(30));

        assertThat(bound).isEqualTo("e/slot=2026-11-24T10:15");
        assertThat(paths.key(new ArchiveFile(SLOT.plusSeconds(50), 0, 0, 0))).startsWith(bound);
        assertThat(paths.key(new ArchiveFile(SLOT.minusSeconds(10), 0, 0, 0))).isLessThan(bound);
        assertThat(paths.key(new ArchiveFile(SLOT.plusSeconds(60), 0, 0, 0))).isGreaterThan(bound);
    }
}
