package io.lambda.batch.archive;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.jspecify.annotations.Nullable;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumReader;
import io.lambda.core.store.ObjectStore;

/**
 * The events a batch run folds from one partition: its files read in offset order, each event decoded, events
 * ingested at or after the boundary left out, and every id after its first copy dropped (all copies of an id share
 * a partition, so this is the global dedup). Plain Java, no framework: the batch step and the benchmark's baseline
 * both read through it.
 *
 * <p>A file that is not an Avro container, or a block that does not decode, is reported by a
 * {@link CorruptArchiveException} from {@link #next()} after the reader has moved on to the next block or file, so
 * the caller can skip it and call {@link #next()} again. Not thread-safe.
 */
public final class PartitionEvents {

    private final ObjectStore store;
    private final List<ListedFile> files;
    private final long boundaryMillis;
    private final IdHashSet ids;

    private int fileIndex = -1;
    private @Nullable DataFileReader<Event> open;
    private @Nullable ListedFile openFile;
    private long recordInFile;
    private long failedBlock = -1;

    private long filesRead;
    private long bytesRead;
    private long eventsRead;
    private long duplicates;
    private long afterBoundary;

    /**
     * @param files    the partition's files in offset order ({@link ArchiveListing})
     * @param boundary events with an effective ingest time at or after it are left out
     * @param ids      the ids seen so far (empty for a fresh read of the partition)
     */
    public PartitionEvents(ObjectStore store, List<ListedFile> files, Instant boundary, IdHashSet ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.files = List.copyOf(files);
        this.boundaryMillis = boundary.toEpochMilli();
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * The next event to fold, or null at the end of the partition.
     *
     * @throws CorruptArchiveException for unreadable data already moved past: call again to read on
     */
    public @Nullable Event next() {
        while (true) {
            DataFileReader<Event> reader = open;
            if (reader == null) {
                if (!openNextFile()) {
                    return null;
                }
                continue;
            }
            Event event = readOne(reader);
            if (event == null) {
                closeFile();
                continue;
            }
            Instant ingestTime = event.ingestTime();
            if (ingestTime == null) {
                throw new CorruptArchiveException(currentKey(), "record " + (recordInFile - 1),
                        "event " + event.id() + " has no ingest time", new IllegalStateException("no ingestTime"));
            }
            eventsRead++;
            if (ingestTime.toEpochMilli() >= boundaryMillis) {
                afterBoundary++;
                continue;
            }
            if (!ids.add(event.id())) {
                duplicates++;
                continue;
            }
            return event;
        }
    }

    private boolean openNextFile() {
        if (fileIndex + 1 >= files.size()) {
            return false;
        }
        fileIndex++;
        ListedFile file = files.get(fileIndex);
        byte[] bytes = store.get(file.key())
                .orElseThrow(() -> new IllegalStateException("archive file " + file.key() + " disappeared after listing"));
        filesRead++;
        bytesRead += bytes.length;
        recordInFile = 0;
        failedBlock = -1;
        try {
            open = new DataFileReader<>(new SeekableByteArrayInput(bytes), new EventDatumReader());
            openFile = file;
        } catch (IOException | RuntimeException e) {
            throw new CorruptArchiveException(file.key(), "header", "not an Avro object-container file of events", e);
        }
        return true;
    }

    /** The next record of the open file, or null at its end; on bad data moves to the next block and throws. */
    private @Nullable Event readOne(DataFileReader<Event> reader) {
        try {
            if (!reader.hasNext()) {
                return null;
            }
            Event event = reader.next();
            recordInFile++;
            return event;
        } catch (RuntimeException e) { // Avro reports bad blocks and records as AvroRuntimeException and friends
            long block = reader.previousSync();
            String key = currentKey();
            String position = "record " + recordInFile + " (block at byte " + block + ")";
            if (block == failedBlock || !resync(reader, block)) {
                closeFile();
            } else {
                failedBlock = block;
            }
            throw new CorruptArchiveException(key, position, String.valueOf(e.getMessage()), e);
        }
    }

    /** Moves to the block after the one starting at {@code block}; false when there is none. */
    private static boolean resync(DataFileReader<Event> reader, long block) {
        try {
            reader.sync(block);
            return reader.previousSync() > block;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String currentKey() {
        ListedFile file = openFile;
        return file == null ? "?" : file.key();
    }

    private void closeFile() {
        DataFileReader<Event> reader = open;
        open = null;
        openFile = null;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) { // reads from memory only
                throw new IllegalStateException(e);
            }
        }
    }

    /** Files opened so far. */
    public long filesRead() {
        return filesRead;
    }

    /** Bytes of the files opened so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Records decoded so far, kept or not. */
    public long eventsRead() {
        return eventsRead;
    }

    /** Copies of an id seen before, dropped. */
    public long duplicates() {
        return duplicates;
    }

    /** Events ingested at or after the boundary, left out. */
    public long afterBoundary() {
        return afterBoundary;
    }

    /** The dedup set (for its memory figures). */
    public IdHashSet ids() {
        return ids;
    }
}
