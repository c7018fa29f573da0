package io.lambda.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumWriter;
import io.lambda.core.event.avro.EventSchema;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.MasterDataset;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.time.IngestSlots;

/**
 * The batch benchmark's master dataset, written as the archiver lays it out: Avro object-container files (lambda-core's
 * {@link EventDatumWriter}, deflate level 1, the archiver's default) stored with {@link MasterDataset#put} under
 * {@link ArchivePaths} of the default prefix and 5-minute slots, {@code filesPerSlot} files per slot and partition,
 * offsets consecutive per partition, effective ingest times growing within each partition.
 *
 * <p>The events fit config/views.yml: pageviews (url of 200, skewed; userId of 50,000; country; durationMs), clicks
 * (button of 40; price), sign-ups (plan of 4, country) and purchases that no view counts. Event time is the ingest time
 * minus a few seconds, one in a hundred up to two hours late. About {@code duplicateShare} of the records repeat an id
 * of the same partition (one of its last 20,000 records, so copies fall in the same and in earlier slots), re-ingested
 * later. Partitions are written in parallel, one thread per core. Seeded: the same arguments give the same files.
 *
 * @param events     records written (duplicates included)
 * @param duplicates records that repeat an id already written
 * @param files      files written
 * @param bytes      stored bytes
 * @param first      the first slot
 * @param boundary   the end of the last slot: every record is ingested before it
 */
record BatchDataset(long events, long duplicates, long files, long bytes, Instant first, Instant boundary) {

    static final int PARTITIONS = 6;
    static final IngestSlots SLOTS = IngestSlots.ofDefault();
    static final ArchivePaths PATHS = new ArchivePaths(ArchivePaths.DEFAULT_PREFIX, SLOTS);

    private static final int RECENT = 20_000;
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "BR", "JP", "CA", "NL", "ES", "IT", "SE",
            "PL", "MX", "AU"};
    private static final String[] PLANS = {"free", "starter", "pro", "enterprise"};
    private static final String[] REFERRERS = {"https://www.google.com/", "https://www.bing.com/",
            "https://news.ycombinator.com/", "https://t.co/", "direct"};
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Writes at least {@code events} records over {@code slots} slots ending at the slot start at or before {@code now}.
     */
    static BatchDataset write(ObjectStore store, long events, int slots, int filesPerSlot, double duplicateShare,
            Instant now, long seed) throws InterruptedException {
        MasterDataset dataset = new MasterDataset(store, PATHS);
        Instant boundary = SLOTS.slotStart(now);
        Instant first = boundary.minus(SLOTS.length().multipliedBy(slots));
        long fileCount = (long) slots * PARTITIONS * filesPerSlot;
        long perFile = Math.max(1, (events + fileCount - 1) / fileCount); // at least events records in all
        ExecutorService writers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<long[]>> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                int partition = p;
                partitions.add(writers.submit(() -> writePartition(dataset, partition, first, slots, filesPerSlot,
                        perFile, duplicateShare, new SplittableRandom(seed * 31 + partition))));
            }
            long[] totals = new long[4];
            for (Future<long[]> partition : partitions) {
                long[] written = partition.get();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += written[i];
                }
            }
            return new BatchDataset(totals[0], totals[1], totals[2], totals[3], first, boundary);
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the master dataset failed", e.getCause());
        } finally {
            writers.shutdownNow();
        }
    }

    /** Writes one partition's files, slot by slot; returns records, duplicates, files and bytes written. */
    private static long[] writePartition(MasterDataset dataset, int p, Instant first, int slots, int filesPerSlot,
            long perFile, double duplicateShare, SplittableRandom random) {
        long written = 0;
        long duplicates = 0;
        long files = 0;
        long bytes = 0;
        long nextOffset = 0;
        Event[] window = new Event[RECENT];
        long kept = 0;
        long fileMillis = SLOTS.length().toMillis() / filesPerSlot;
        for (int s = 0; s < slots; s++) {
            Instant slot = first.plus(SLOTS.length().multipliedBy(s));
            for (int f = 0; f < filesPerSlot; f++) {
                long fileStart = slot.toEpochMilli() + f * fileMillis;
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(1 << 24, perFile * 120));
                try (DataFileWriter<Event> writer = new DataFileWriter<>(new EventDatumWriter())
                        .setCodec(CodecFactory.deflateCodec(1))) {
                    writer.setMeta("lambda.partition", p);
                    writer.setMeta("lambda.first-offset", nextOffset);
                    writer.create(EventSchema.get(), out);
                    for (long i = 0; i < perFile; i++) {
                        Instant ingest = Instant.ofEpochMilli(fileStart + i * fileMillis / perFile);
                        Event event;
                        if (kept > 0 && random.nextDouble() < duplicateShare) {
                            Event original = window[(int) ((kept - 1 - random.nextLong(Math.min(kept, RECENT))) % RECENT)];
                            event = original.withIngestTime(ingest);
                            duplicates++;
                        } else {
                            event = event(random, ingest).withIngestTime(ingest);
                            window[(int) (kept % RECENT)] = event;
                            kept++;
                        }
                        writer.append(event);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                byte[] container = out.toByteArray();
                ArchiveFile file = new ArchiveFile(slot, p, nextOffset, nextOffset + perFile - 1);
                dataset.put(file, container);
                nextOffset = file.nextOffset();
                written += perFile;
                files++;
                bytes += container.length;
            }
        }
        return new long[] {written, duplicates, files, bytes};
    }

    /** A new event ingested at {@code ingest}: a page view, click, sign-up or purchase. */
    private static Event event(SplittableRandom random, Instant ingest) {
        long lagMillis = random.nextInt(100) == 0 ? random.nextLong(Duration.ofHours(2).toMillis())
                : random.nextLong(5_000);
        Instant timestamp = ingest.minusMillis(lagMillis);
        String id = "evt-" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        String user = "user-" + skewed(random, 50_000);
        Map<String, Object> attributes = new LinkedHashMap<>();
        int kind = random.nextInt(20);
        String type;
        if (kind < 12) {
            type = "pageview";
            attributes.put("url", "/products/" + skewed(random, 200));
            attributes.put("userId", user);
            attributes.put("country", COUNTRIES[(int) skewed(random, COUNTRIES.length)]);
            attributes.put("durationMs", 20L + skewed(random, 120_000));
            attributes.put("referrer", REFERRERS[random.nextInt(REFERRERS.length)]);
        } else if (kind < 17) {
            type = "click";
            attributes.put("button", "button-" + skewed(random, 40));
            attributes.put("price", (100 + random.nextInt(20_000)) / 100.0);
            attributes.put("userId", user);
        } else if (kind < 18) {
            type = "signup";
            attributes.put("plan", PLANS[(int) skewed(random, PLANS.length)]);
            attributes.put("country", COUNTRIES[(int) skewed(random, COUNTRIES.length)]);
            attributes.put("userId", user);
        } else {
            type = "purchase";
            attributes.put("amount", (100 + random.nextInt(50_000)) / 100.0);
            attributes.put("currency", "EUR");
            attributes.put("userId", user);
        }
        return Event.of(id, type, timestamp, attributes);
    }

    /** 0 .. bound-1, log-uniform: small values are much more frequent (roughly Zipf with s = 1). */
    private static long skewed(SplittableRandom random, int bound) {
        return Math.min(bound - 1, (long) Math.pow(bound + 1, random.nextDouble()) - 1);
    }
}
