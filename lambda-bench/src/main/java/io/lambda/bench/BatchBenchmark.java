package io.lambda.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

import io.lambda.core.fold.ViewFold;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.serving.ArchiveWatermarks;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.test.LambdaStack;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The batch layer's recompute beside two plain loops over the same master dataset, in one run:
 * {@code batch [scale=1] [rounds=2]} (scale 1 = 2,000,000 records; 0.1 = 200,000 for a smoke run).
 *
 * <p>Writes the dataset into a fresh bucket of the stack's S3 endpoint exactly as the archiver lays it out
 * ({@link BatchDataset}: 6 partitions, 72 slots of 5 minutes, 2 files per slot and partition, about 5 % repeated ids
 * within each partition, config/views.yml's events), sets the archive watermark of every partition to the end of the
 * last slot ({@code <prefix>archive:watermark}), creates the 6-partition event topic the service reads its partition
 * count from, and starts the batch service from its jar as its own process ({@link BatchServiceRun}, schedule off,
 * H2 job repository in a temporary directory). A warm-up pass over the first sixth of the slots (a run with that
 * boundary, and both loops) precedes {@code rounds} interleaved rounds over everything:
 * <ol>
 * <li>(b) decode only: list, fetch and decode ({@link BatchBaselines#decode});
 * <li>(a) the plain single-threaded loop: list, fetch, decode, boundary, dedup with the service's own
 * {@code IdHashSet}, the lambda-core fold with {@code CellKey.NO_SLOT} ({@link BatchBaselines#fold});
 * <li>the job: {@code POST /api/v1/batch/runs} (default boundary = the watermark), polled until it ends; events/s =
 * the run's {@code eventsRead} / ({@code finishedAt} - {@code startedAt}).
 * </ol>
 * Prints each round, the ratios of the medians (job / (a), goal at least 0.8; job / (b) for context), the dedup
 * set's table bytes per id, the batch process's peak heap, the Redis memory of the first full run's rows per byte of
 * serialized aggregate (goal at most 1.3), and where the CPU went. The loops and the S3 endpoint share this JVM;
 * the service has {@code lambda.batch.worker-threads} = processors.
 */
final class BatchBenchmark {

    private static final int SLOTS = 72;
    private static final int FILES_PER_SLOT = 2;
    private static final double DUPLICATES = 0.05;
    private static final int WARM_UP_SLOTS = SLOTS / 6;
    private static final long FULL_SIZE = 2_000_000;

    private BatchBenchmark() {
    }

    static void run(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        LambdaStack stack = LambdaStack.get();
        ObjectStoreProperties bucket = stack.newBucket();
        String prefix = stack.newKeyPrefix();
        String topic = stack.createTopic("bench-batch", BatchDataset.PARTITIONS,
                Map.of("message.timestamp.type", "LogAppendTime"));
        ViewCatalog catalog = ViewCatalogLoader.load("file:" + BatchServiceRun.views());
        ViewFold fold = new ViewFold(catalog.views(), SketchSettings.DEFAULTS);
        ServingKeys keys = new ServingKeys(prefix);
        Path dataDir = Files.createTempDirectory("bench-batch-");

        try (ObjectStore store = ObjectStore.create(bucket);
             BatchServiceRun service = new BatchServiceRun(stack, bucket, topic, prefix, dataDir)) {
            long writeStart = System.nanoTime();
            BatchDataset dataset = BatchDataset.write(store, Math.round(FULL_SIZE * scale), SLOTS, FILES_PER_SLOT,
                    DUPLICATES, Instant.now(), 42);
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            watermark(stack, keys, dataset.boundary());
            System.out.printf(Locale.ROOT, "batch benchmark: %,d records (%,d = %.1f %% repeated ids), %d partitions, "
                    + "%d slots of %d min, %,d files, %.1f MiB (Avro, deflate 1), written in %.1f s; views %s%n",
                    dataset.events(), dataset.duplicates(), 100.0 * dataset.duplicates() / dataset.events(),
                    BatchDataset.PARTITIONS, SLOTS, BatchDataset.SLOTS.length().toMinutes(), dataset.files(),
                    dataset.bytes() / 1048576.0, writeSeconds, catalog.names());

            service.start();
            System.out.printf(Locale.ROOT, "batch service: own process, %s, worker-threads = processors (%d), "
                    + "chunk-size 5000; log %s%n", String.join(" ", BatchServiceRun.JVM_OPTIONS),
                    Runtime.getRuntime().availableProcessors(), service.logFile());

            Instant warmBoundary = dataset.first().plus(BatchDataset.SLOTS.length().multipliedBy(WARM_UP_SLOTS));
            BatchServiceRun.Run warm = requireCompleted(service.run(warmBoundary));
            BatchBaselines.Pass warmDecode = BatchBaselines.decode(store, warmBoundary);
            BatchBaselines.Pass warmFold = BatchBaselines.fold(store, warmBoundary, fold);
            System.out.printf(Locale.ROOT, "warm-up (first %d slots): job %,d events in %.1f s, (a) %,d in %.1f s, "
                    + "(b) %,d in %.1f s%n", WARM_UP_SLOTS, warm.eventsRead(), warm.seconds(), warmFold.events(),
                    warmFold.seconds(), warmDecode.events(), warmDecode.seconds());

            double[] job = new double[rounds];
            double[] plain = new double[rounds];
            double[] decode = new double[rounds];
            double[] cpuRatio = new double[rounds];
            BatchServiceRun.Run firstFull = null;
            BatchBaselines.Pass lastFold = null;
            long peakHeap = warm.peakHeapUsed();
            long peakLive = warm.peakLiveHeap();
            for (int round = 0; round < rounds; round++) {
                BatchBaselines.Pass b = BatchBaselines.decode(store, dataset.boundary());
                BatchBaselines.Pass a = BatchBaselines.fold(store, dataset.boundary(), fold);
                BatchServiceRun.Run run = requireCompleted(service.run(null));
                if (firstFull == null) {
                    firstFull = run;
                }
                lastFold = a;
                peakHeap = Math.max(peakHeap, run.peakHeapUsed());
                peakLive = Math.max(peakLive, run.peakLiveHeap());
                job[round] = run.eventsPerSecond();
                plain[round] = a.eventsPerSecond();
                decode[round] = b.eventsPerSecond();
                System.out.printf(Locale.ROOT, "round %d: job %,9.0f events/s (%,d in %5.1f s; %d dropped as repeats), "
                        + "(a) plain loop %,9.0f events/s (%5.1f s), (b) decode only %,9.0f events/s (%5.1f s); "
                        + "job/(a) %.2f, job/(b) %.2f%n", round + 1, run.eventsPerSecond(), run.eventsRead(),
                        run.seconds(), run.duplicatesDropped(), a.eventsPerSecond(), a.seconds(), b.eventsPerSecond(),
                        b.seconds(), job[round] / plain[round], job[round] / decode[round]);
                System.out.printf(Locale.ROOT, "         CPU: job: batch process %.1f s (%.2f cores), this JVM "
                        + "(S3 endpoint, broker) %.1f s; (a): loop thread %.1f s, whole JVM %.1f s; (b): loop thread "
                        + "%.1f s, whole JVM %.1f s%n", run.processCpu(), run.processCpu() / run.seconds(),
                        run.benchCpu(), a.threadCpu(), a.jvmCpu(), b.threadCpu(), b.jvmCpu());
                double jobCpu = run.processCpu() + run.benchCpu();
                cpuRatio[round] = a.jvmCpu() / jobCpu;
                System.out.printf(Locale.ROOT, "         CPU per event: job %.1f us (batch process + this JVM), (a) %.1f us "
                        + "(this JVM), (b) %.1f us; (a)/job %.2f (steadier than wall time when other processes take the "
                        + "cores)%n", 1e6 * jobCpu / run.eventsRead(), 1e6 * a.jvmCpu() / a.events(),
                        1e6 * b.jvmCpu() / b.events(), cpuRatio[round]);
                if (a.events() != run.eventsRead() || a.duplicates() != run.duplicatesDropped()) {
                    System.out.printf(Locale.ROOT, "         NOTE: the loop read %,d records and dropped %,d repeats,"
                            + " the job %,d and %,d%n", a.events(), a.duplicates(), run.eventsRead(),
                            run.duplicatesDropped());
                }
            }

            double jobMedian = new Throughput.Sample("job", job).median();
            double plainMedian = new Throughput.Sample("(a)", plain).median();
            double decodeMedian = new Throughput.Sample("(b)", decode).median();
            System.out.printf(Locale.ROOT, "job %,.0f events/s, (a) plain loop %,.0f events/s, (b) decode only "
                    + "%,.0f events/s (medians of %d rounds)%n", jobMedian, plainMedian, decodeMedian, rounds);
            System.out.printf(Locale.ROOT, "ratio job / (a) plain loop   : %.2f (goal >= 0.8)%n", jobMedian / plainMedian);
            System.out.printf(Locale.ROOT, "ratio job / (b) decode only  : %.2f (context)%n", jobMedian / decodeMedian);
            System.out.printf(Locale.ROOT, "CPU per event, (a) / job     : %.2f (median; the job may use every core, the "
                    + "loop one)%n", new Throughput.Sample("cpu", cpuRatio).median());
            System.out.printf(Locale.ROOT, "dedup bytes per id           : %.1f (goal <= 32): IdHashSet of the service "
                    + "jar, %,d ids in %d per-partition sets, %.1f MiB of tables; worst partition %.1f%n",
                    (double) lastFold.dedupBytes() / lastFold.ids(), lastFold.ids(), BatchDataset.PARTITIONS,
                    lastFold.dedupBytes() / 1048576.0, lastFold.worstBytesPerId());
            System.out.printf(Locale.ROOT, "peak heap of the batch process: %.0f MiB used (max of jvm_memory_used_bytes "
                    + "sampled every second during the runs), %.0f MiB live after a major GC (max "
                    + "jvm_gc_live_data_size_bytes), VmHWM (resident) %.0f MiB; %s%n", peakHeap / 1048576.0, peakLive / 1048576.0, service.peakResidentBytes() / 1048576.0,
                    String.join(" ", BatchServiceRun.JVM_OPTIONS));
            BatchRowMemory rows = BatchRowMemory.measure(stack.redis().host(), stack.redis().port(), keys,
                    firstFull.runId());
            System.out.printf(Locale.ROOT, "Redis per stored aggregate   : %.2f x its serialized bytes (goal <= 1.3): "
                    + "run %s, %,d aggregates in %,d row hashes (%,d listpacks), MEMORY USAGE %.1f MiB, aggregates "
                    + "%.1f MiB (avg %.0f B), field names %.1f MiB%n",
                    rows.overhead(), firstFull.runId(), rows.aggregates(), rows.hashes(), rows.listpacks(),
                    rows.memory() / 1048576.0, rows.valueBytes() / 1048576.0,
                    (double) rows.valueBytes() / rows.aggregates(), rows.fieldBytes() / 1048576.0);
            System.out.printf(Locale.ROOT, "(figures on 2 shared cores; the loops are single-threaded, the job reads "
                    + "partitions on %d threads; the S3 endpoint runs in this JVM for both)%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.flush();
        }
    }

    private static BatchServiceRun.Run requireCompleted(BatchServiceRun.Run run) {
        if (!run.status().equals("COMPLETED")) {
            throw new IllegalStateException("run " + run.runId() + " ended " + run.status() + ": " + run.error());
        }
        return run;
    }

    /** Every partition's archive watermark at {@code watermark}, as the archiver publishes it. */
    private static void watermark(LambdaStack stack, ServingKeys keys, Instant watermark) {
        RedisClient client = RedisClient.create(RedisURI.create(stack.redis().host(), stack.redis().port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            for (int p = 0; p < BatchDataset.PARTITIONS; p++) {
                connection.sync().hset(keys.archiveWatermark(), ArchiveWatermarks.field(p),
                        ArchiveWatermarks.value(watermark));
            }
        } finally {
            client.shutdown();
        }
    }
}
