package io.lambda.core.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.avro.file.DataFileStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumReader;

/**
 * The master dataset (DESIGN.md section 5): immutable Avro object-container files of events in an object store,
 * laid out by {@link ArchivePaths}. The archiver writes it; the batch layer lists and reads it.
 */
public final class MasterDataset {

    private static final Logger log = LoggerFactory.getLogger(MasterDataset.class);

    /** Slot, then partition, then offset: the order the batch layer reads files in. */
    public static final Comparator<ArchiveFile> FILE_ORDER = Comparator.comparing(ArchiveFile::slot)
            .thenComparingInt(ArchiveFile::partition)
            .thenComparingLong(ArchiveFile::firstOffset);

    private final ObjectStore store;
    private final ArchivePaths paths;

    /** The dataset under {@code paths} in {@code store}; the caller keeps ownership of the store. */
    public MasterDataset(ObjectStore store, ArchivePaths paths) {
        this.store = Objects.requireNonNull(store, "store");
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    public ArchivePaths paths() {
        return paths;
    }

    /** Stores a file's Avro object-container bytes; when the put returns, the file is durable. */
    public void put(ArchiveFile file, byte[] container) {
        store.put(paths.key(file), container, "avro/binary");
    }

    /**
     * The stored file of {@code slot} and {@code partition} that starts at {@code firstOffset}, if any. An archiver
     * that resumes at {@code firstOffset} asks this to find a file it stored but did not commit before a crash.
     */
    public Optional<ArchiveFile> findStartingAt(Instant slot, int partition, long firstOffset) {
        try (Stream<StoredObject> objects = store.list(paths.startingAt(slot, partition, firstOffset))) {
            return objects.map(o -> paths.parse(o.key())).flatMap(Optional::stream)
                    .max(Comparator.comparingLong(ArchiveFile::lastOffset));
        }
    }

    /**
     * Every file of the slots in {@code [fromSlotInclusive, toSlotExclusive)}, in {@link #FILE_ORDER}. One paged
     * listing of the key range (not one request per slot), so a listing of years of slots stays cheap. Keys under
     * the prefix that are not files of the layout are skipped with a warning.
     */
    public List<ArchiveFile> list(Instant fromSlotInclusive, Instant toSlotExclusive) {
        if (!fromSlotInclusive.isBefore(toSlotExclusive)) {
            return List.of();
        }
        String lastMinute = paths.minuteBound(toSlotExclusive);
        try (Stream<StoredObject> objects = store.list(paths.prefix() + "slot=", paths.minuteBound(fromSlotInclusive))) {
            return objects.map(StoredObject::key)
                    .takeWhile(key -> key.compareTo(lastMinute) < 0 || key.startsWith(lastMinute))
                    .map(this::parseOrWarn)
                    .flatMap(Optional::stream)
                    .filter(f -> !f.slot().isBefore(fromSlotInclusive) && f.slot().isBefore(toSlotExclusive))
                    .sorted(FILE_ORDER)
                    .toList();
        }
    }

    /**
     * The events of one file, in offset order, each with its {@code ingestTime}. The object is fetched whole;
     * events are decoded lazily while the stream is consumed.
     *
     * @throws IllegalStateException when no such object exists
     */
    public Stream<Event> read(ArchiveFile file) {
        String key = paths.key(file);
        byte[] bytes = store.get(key).orElseThrow(() -> new IllegalStateException("no archive file " + key));
        try {
            DataFileStream<Event> events = new DataFileStream<>(new ByteArrayInputStream(bytes), new EventDatumReader());
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events.iterator(),
                    Spliterator.ORDERED | Spliterator.NONNULL), false);
        } catch (IOException e) {
            throw new UncheckedIOException("archive file " + key + " is not an Avro object-container file", e);
        }
    }

    private Optional<ArchiveFile> parseOrWarn(String key) {
        Optional<ArchiveFile> file = paths.parse(key);
        if (file.isEmpty()) {
            log.warn("Skipped object key={} that is not an archive file of prefix={} slots={}", key, paths.prefix(),
                    paths.slots());
        }
        return file;
    }
}
