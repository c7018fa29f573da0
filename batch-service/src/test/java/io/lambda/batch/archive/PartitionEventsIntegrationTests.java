package io.lambda.batch.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumWriter;
import io.lambda.core.event.avro.EventSchema;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.MasterDataset;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.time.IngestSlots;
import io.lambda.test.LambdaStack;
import io.lambda.test.LambdaStackTest;

@LambdaStackTest
class PartitionEventsIntegrationTests {

    static final Instant SLOT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void shouldSkipACorruptBlockAndReadTheBlocksAfterIt(LambdaStack stack) throws IOException {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            ArchivePaths paths = new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, IngestSlots.ofDefault());
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                events.add(Event.of("ev-" + i, "purchase", SLOT, Map.of("amount", (long) i)).withIngestTime(SLOT.plusMillis(i)));
            }
            byte[] bytes = container(events);
            Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 12, (byte) 0xFF); // garbage inside a middle block
            ArchiveFile file = new ArchiveFile(SLOT, 0, 0, 399);
            new MasterDataset(store, paths).put(file, bytes);
            PartitionEvents reader = new PartitionEvents(store, List.of(new ListedFile(file, paths.key(file), bytes.length)),
                    SLOT.plusSeconds(300), new IdHashSet());

            List<String> read = new ArrayList<>();
            List<CorruptArchiveException> skipped = new ArrayList<>();
            for (int guard = 0; guard < 1_000; guard++) {
                try {
                    Event event = reader.next();
                    if (event == null) {
                        break;
                    }
                    read.add(event.id());
                } catch (CorruptArchiveException e) {
                    skipped.add(e);
                }
            }

            assertThat(skipped).isNotEmpty().allMatch(e -> e.key().equals(paths.key(file)) && e.position().contains("block at byte"));
            assertThat(read).contains("ev-0", "ev-399").hasSizeLessThan(400);
        }
    }

    @Test
    void shouldDropRepeatedIdsAndEventsIngestedAtTheBoundary(LambdaStack stack) {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            ArchivePaths paths = new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, IngestSlots.ofDefault());
            Instant boundary = SLOT.plusSeconds(300);
            List<Event> events = List.of(
                    Event.of("a", "purchase", SLOT, Map.of("amount", 1L)).withIngestTime(SLOT),
                    Event.of("a", "purchase", SLOT, Map.of("amount", 2L)).withIngestTime(SLOT.plusSeconds(1)),
                    Event.of("b", "purchase", SLOT, Map.of()).withIngestTime(boundary.minusMillis(1)),
                    Event.of("c", "purchase", SLOT, Map.of()).withIngestTime(boundary));
            ArchiveFile file = new ArchiveFile(SLOT, 0, 0, 3);
            byte[] bytes = container(events);
            new MasterDataset(store, paths).put(file, bytes);
            PartitionEvents reader = new PartitionEvents(store, List.of(new ListedFile(file, paths.key(file), bytes.length)),
                    boundary, new IdHashSet());

            List<Event> read = new ArrayList<>();
            for (Event event = reader.next(); event != null; event = reader.next()) {
                read.add(event);
            }

            assertThat(read).containsExactly(events.get(0), events.get(2));
            assertThat(reader.eventsRead()).isEqualTo(4);
            assertThat(reader.duplicates()).isEqualTo(1);
            assertThat(reader.afterBoundary()).isEqualTo(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] container(List<Event> events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<Event> writer = new DataFileWriter<>(new EventDatumWriter()).setCodec(CodecFactory.nullCodec())
                .setSyncInterval(256).create(EventSchema.get(), out)) {
            for (Event event : events) {
                writer.append(event);
            }
        }
        return out.toByteArray();
    }
}
