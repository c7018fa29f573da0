package io.lambda.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.file.DataFileWriter;
import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumWriter;
import io.lambda.core.event.avro.EventSchema;
import io.lambda.core.time.IngestSlots;
import io.lambda.test.LambdaStack;
import io.lambda.test.LambdaStackTest;

@LambdaStackTest
class MasterDatasetIntegrationTests {

    private static final Instant SLOT = Instant.parse("2026-11-24T10:15:00Z");

    @Test
    void shouldListTheFilesOfASlotRangeOrderedBySlotPartitionAndOffset(LambdaStack stack) {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            MasterDataset dataset = new MasterDataset(store, new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, IngestSlots.ofDefault()));
            ArchiveFile before = new ArchiveFile(SLOT.minusSeconds(300), 0, 0, 9);
            ArchiveFile p10 = new ArchiveFile(SLOT, 10, 0, 4);
            ArchiveFile p2Late = new ArchiveFile(SLOT, 2, 100, 120);
            ArchiveFile p2Early = new ArchiveFile(SLOT, 2, 9, 99);
            ArchiveFile next = new ArchiveFile(SLOT.plusSeconds(300), 0, 10, 19);
            ArchiveFile end = new ArchiveFile(SLOT.plusSeconds(600), 0, 20, 29);
            for (ArchiveFile file : List.of(before, p10, p2Late, p2Early, next, end)) {
                dataset.put(file, new byte[1]);
            }
            store.put("events/v1/_manifest.json", new byte[1]);
            store.put("events/v1/slot=2026-11-24T10:15Z/p=2/partial.tmp", new byte[1]);

            List<ArchiveFile> files = dataset.list(SLOT, SLOT.plusSeconds(600));

            assertThat(files).containsExactly(p2Early, p2Late, p10, next);
            assertThat(dataset.list(SLOT, SLOT)).isEmpty();
            assertThat(dataset.list(Instant.EPOCH, SLOT.plusSeconds(3600))).containsExactly(before, p2Early, p2Late, p10, next, end);
        }
    }

    @Test
    void shouldListSubMinuteSlotsAcrossMinuteBoundaries(LambdaStack stack) {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            MasterDataset dataset = new MasterDataset(store, new ArchivePaths("e/", new IngestSlots(Duration.ofSeconds(10))));
            for (int i = 0; i < 12; i++) {
                dataset.put(new ArchiveFile(SLOT.plusSeconds(10L * i), 0, i, i), new byte[1]);
            }

            List<ArchiveFile> files = dataset.list(SLOT.plusSeconds(40), SLOT.plusSeconds(70));

            assertThat(files).extracting(ArchiveFile::slot)
                    .containsExactly(SLOT.plusSeconds(40), SLOT.plusSeconds(50), SLOT.plusSeconds(60));
        }
    }

    @Test
    void shouldFindTheStoredFileThatStartsAtAnOffset(LambdaStack stack) {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            MasterDataset dataset = new MasterDataset(store, new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, IngestSlots.ofDefault()));
            ArchiveFile file = new ArchiveFile(SLOT, 1, 12, 40);
            dataset.put(file, new byte[1]);
            dataset.put(new ArchiveFile(SLOT, 1, 120, 140), new byte[1]);

            assertThat(dataset.findStartingAt(SLOT, 1, 12)).contains(file);
            assertThat(dataset.findStartingAt(SLOT, 1, 13)).isEmpty();
            assertThat(dataset.findStartingAt(SLOT, 2, 12)).isEmpty();
            assertThat(dataset.findStartingAt(SLOT.plusSeconds(300), 1, 12)).isEmpty();
        }
    }

    @Test
    void shouldReadBackEveryEventOfAFileWithItsIngestTime(LambdaStack stack) throws IOException {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            MasterDataset dataset = new MasterDataset(store, new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, IngestSlots.ofDefault()));
            List<Event> events = List.of(
                    new Event("a", "pageview", SLOT.minusSeconds(5), Map.of("url", "/x", "ms", 12L), SLOT.plusMillis(1)),
                    new Event("b", "click", SLOT.minusSeconds(4), Map.of(), SLOT.plusMillis(2)));
            ArchiveFile file = new ArchiveFile(SLOT, 0, 7, 8);
            dataset.put(file, container(events));

            assertThat(dataset.read(file)).containsExactlyElementsOf(events);
            assertThatIllegalStateException().isThrownBy(() -> dataset.read(new ArchiveFile(SLOT, 0, 9, 9)))
                    .withMessage("no archive file events/v1/slot=2026-11-24T10:15Z/p=0/0000000000000000009-0000000000000000009.avro");
        }
    }

    private static byte[] container(List<Event> events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<Event> writer = new DataFileWriter<>(new EventDatumWriter()).create(EventSchema.get(), out)) {
            for (Event event : events) {
                writer.append(event);
            }
        }
        return out.toByteArray();
    }
}
