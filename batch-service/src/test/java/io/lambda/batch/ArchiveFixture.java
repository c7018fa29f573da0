package io.lambda.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.file.DataFileWriter;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumWriter;
import io.lambda.core.event.avro.EventSchema;
import io.lambda.core.serving.ArchiveWatermarks;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.MasterDataset;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.time.IngestSlots;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Writes a master dataset the way the archiver does (Avro object-container files through lambda-core's writer path,
 * {@code MasterDataset.put}) and remembers every event with its partition and offset, so a test can compute what a
 * run must produce: the first copy of each id in offset order, ingested before the boundary.
 */
public final class ArchiveFixture {

    /** One archived event and where it is. */
    public record Archived(Event event, int partition, long offset) {
    }

    public final MasterDataset dataset;
    public final ArchivePaths paths;
    private final Map<Integer, Long> nextOffset = new HashMap<>();
    private final List<Archived> archived = Collections.synchronizedList(new ArrayList<>());

    public ArchiveFixture(ObjectStore store) {
        this.paths = new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, IngestSlots.ofDefault());
        this.dataset = new MasterDataset(store, paths);
    }

    /** Writes one file of {@code events} (ingest times set) in {@code slot} of {@code partition}; returns it. */
    public ArchiveFile write(Instant slot, int partition, List<Event> events) {
        long first = nextOffset.getOrDefault(partition, 0L);
        ArchiveFile file = new ArchiveFile(slot, partition, first, first + events.size() - 1);
        dataset.put(file, container(events));
        for (int i = 0; i < events.size(); i++) {
            archived.add(new Archived(events.get(i), partition, first + i));
        }
        nextOffset.put(partition, file.nextOffset());
        return file;
    }

    /** Writes bytes that are no Avro container under the name of a file of {@code count} offsets; returns it. */
    public ArchiveFile writeCorrupt(Instant slot, int partition, int count) {
        long first = nextOffset.getOrDefault(partition, 0L);
        ArchiveFile file = new ArchiveFile(slot, partition, first, first + count - 1);
        dataset.put(file, "this is not an avro file".getBytes());
        nextOffset.put(partition, file.nextOffset());
        return file;
    }

    /** Replaces a file's bytes with a valid container of {@code events} (a repaired file); their offsets follow its first. */
    public void repair(ArchiveFile file, List<Event> events) {
        dataset.put(file, container(events));
        for (int i = 0; i < events.size(); i++) {
            archived.add(new Archived(events.get(i), file.partition(), file.firstOffset() + i));
        }
    }

    /** The events a run with boundary {@code t} folds: first copy of every id (offset order), ingested before t. */
    public List<Event> expected(Instant t) {
        List<Archived> all;
        synchronized (archived) {
            all = new ArrayList<>(archived);
        }
        all.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        Set<String> seen = new HashSet<>();
        List<Event> kept = new ArrayList<>();
        for (Archived a : all) {
            Instant ingest = a.event().ingestTime();
            if (ingest != null && ingest.isBefore(t) && seen.add(a.event().id())) {
                kept.add(a.event());
            }
        }
        return kept;
    }

    /** The partition of the first archived copy of an id. */
    public int partitionOf(String id) {
        synchronized (archived) {
            return archived.stream().filter(a -> a.event().id().equals(id)).findFirst().orElseThrow().partition();
        }
    }

    /** Publishes the archive watermark of every partition. */
    public static void watermark(RedisCommands<String, String> redis, ServingKeys keys, int partitions, Instant watermark) {
        for (int p = 0; p < partitions; p++) {
            redis.hset(keys.archiveWatermark(), ArchiveWatermarks.field(p), ArchiveWatermarks.value(watermark));
        }
    }

    static byte[] container(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<Event> writer = new DataFileWriter<>(new EventDatumWriter()).create(EventSchema.get(), out)) {
            for (Event event : events) {
                writer.append(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
