package io.lambda.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumReader;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.StoredObject;

/**
 * The batch benchmark's baselines, plain single-threaded loops over the same master dataset as the job, in this JVM
 * (which also hosts the S3 endpoint, as for the service): no Spring Batch, no job repository, no Redis.
 * <ul>
 * <li>{@link #fold}: list the files of the slots before {@code T}, each partition's files in offset order, fetch and
 * decode each (lambda-core's {@link EventDatumReader}), leave out events ingested at or after {@code T}, drop repeated
 * ids with the batch service's own {@link BatchDedupSet} (one per partition), and fold what is left with the same
 * lambda-core {@link ViewFold} ({@link CellKey#NO_SLOT}) into one {@link Cells};
 * <li>{@link #decode}: the same listing, fetching and decoding, nothing else.
 * </ul>
 */
final class BatchBaselines {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Keeps the JIT from dropping the decode-only loop's work. */
    private static volatile long sink;

    private BatchBaselines() {
    }

    /**
     * One pass of a loop.
     *
     * @param events        records decoded (duplicates and events after T included, as the job's eventsRead)
     * @param duplicates    repeated ids dropped (0 for decode only)
     * @param cells         cells the fold holds at the end (0 for decode only)
     * @param ids           ids in the dedup sets at the end
     * @param dedupBytes    bytes of the dedup sets' tables at the end
     * @param worstBytesPerId the highest table bytes per id of one partition's set
     * @param seconds       wall time
     * @param threadCpu     CPU seconds of the loop's thread
     * @param jvmCpu        CPU seconds of this whole JVM meanwhile (the loop, the S3 endpoint serving it, GC, JIT)
     */
    record Pass(long files, long bytes, long events, long duplicates, long cells, long ids, long dedupBytes,
            double worstBytesPerId, double seconds, double threadCpu, double jvmCpu) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** List, fetch, decode, boundary, dedup and fold. */
    static Pass fold(ObjectStore store, Instant boundary, ViewFold fold) {
        long jvmStart = JvmCpu.nanos();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long boundaryMillis = boundary.toEpochMilli();
        Cells cells = new Cells();
        long files = 0;
        long bytes = 0;
        long events = 0;
        long duplicates = 0;
        long ids = 0;
        long dedupBytes = 0;
        double worst = 0;
        for (List<ArchiveFile> partition : list(store, boundary).values()) {
            BatchDedupSet seen = new BatchDedupSet();
            for (ArchiveFile file : partition) {
                byte[] container = fetch(store, file);
                files++;
                bytes += container.length;
                try (DataFileReader<Event> reader = open(container)) {
                    while (reader.hasNext()) {
                        Event event = reader.next();
                        events++;
                        Instant ingest = event.ingestTime();
                        if (ingest == null || ingest.toEpochMilli() >= boundaryMillis) {
                            continue;
                        }
                        if (!seen.add(event.id())) {
                            duplicates++;
                            continue;
                        }
                        fold.add(event, CellKey.NO_SLOT, cells);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            ids += seen.size();
            dedupBytes += seen.tableBytes();
            worst = Math.max(worst, seen.size() == 0 ? 0 : (double) seen.tableBytes() / seen.size());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Pass(files, bytes, events, duplicates, cells.size(), ids, dedupBytes, worst, seconds,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9, (JvmCpu.nanos() - jvmStart) / 1e9);
    }

    /** List, fetch and decode only. */
    static Pass decode(ObjectStore store, Instant boundary) {
        long jvmStart = JvmCpu.nanos();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long files = 0;
        long bytes = 0;
        long events = 0;
        long checksum = 0;
        for (List<ArchiveFile> partition : list(store, boundary).values()) {
            for (ArchiveFile file : partition) {
                byte[] container = fetch(store, file);
                files++;
                bytes += container.length;
                try (DataFileReader<Event> reader = open(container)) {
                    while (reader.hasNext()) {
                        Event event = reader.next();
                        events++;
                        checksum += event.id().length() + event.attributes().size();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink = checksum;
        return new Pass(files, bytes, events, 0, 0, 0, 0, 0, seconds,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9, (JvmCpu.nanos() - jvmStart) / 1e9);
    }

    /** The files of the slots before {@code boundary}, by partition, each partition's in offset order. */
    private static Map<Integer, List<ArchiveFile>> list(ObjectStore store, Instant boundary) {
        Map<Integer, List<ArchiveFile>> byPartition = new TreeMap<>();
        try (Stream<StoredObject> objects = store.list(BatchDataset.PATHS.prefix() + "slot=")) {
            objects.map(o -> BatchDataset.PATHS.parse(o.key())).flatMap(java.util.Optional::stream)
                    .filter(f -> f.slot().isBefore(boundary))
                    .forEach(f -> byPartition.computeIfAbsent(f.partition(), p -> new ArrayList<>()).add(f));
        }
        byPartition.values().forEach(files -> files.sort(Comparator.comparingLong(ArchiveFile::firstOffset)));
        return byPartition;
    }

    private static byte[] fetch(ObjectStore store, ArchiveFile file) {
        String key = BatchDataset.PATHS.key(file);
        return store.get(key).orElseThrow(() -> new IllegalStateException("no archive file " + key));
    }

    private static DataFileReader<Event> open(byte[] container) throws IOException {
        return new DataFileReader<>(new SeekableByteArrayInput(container), new EventDatumReader());
    }
}
