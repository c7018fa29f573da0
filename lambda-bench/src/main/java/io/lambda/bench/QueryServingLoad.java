package io.lambda.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.lambda.core.event.Event;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.redis.BatchPointerPublisher;
import io.lambda.core.redis.VersionRegistry;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.PartialField;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewDefinition;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The query benchmark's serving data, written as the batch and speed layers write it (lambda-core/KEYS.md) with
 * lambda-core's fold: one view {@value #VIEW} (count, sum and distinct per {@code url}, minute and hour) of
 * {@value #URLS} distinct urls (skewed, so a top-100 means something), {@value #EVENTS_PER_MINUTE} events a minute
 * over the 24 h before {@code end} (the top of the current hour). Events ingested before the boundary
 * {@code T = end - 2 h} are a batch run's rows ({@link CellKey#NO_SLOT}, {@code runs}, {@code bi}, guarded pointer
 * publish); the last two hours are speed partials of {@value #PARTITIONS} partitions ({@code ~offset}, {@code idx},
 * {@code offset} = the topic's end offset, {@code from} = 0, {@code gen}, no {@code floor}: nothing cleaned up,
 * {@code sp}), and the version is registered.
 */
final class QueryServingLoad {

    static final String VIEW = "pages";
    static final String METRIC_COUNT = "views";
    static final int URLS = 1_000;
    static final int EVENTS_PER_MINUTE = 100;
    static final int PARTITIONS = 6;
    private static final int USERS = 20_000;
    private static final int PIPELINE = 5_000;
    private static final String VIEWS_YML = """
            views:
              - name: pages
                description: Query benchmark view (one dimension of 1,000 urls)
                event-type: pageview
                dimensions: [url]
                granularities: [minute, hour]
                metrics:
                  views: count
                  time_on_page: sum(durationMs)
                  visitors: distinct(userId)
            """;

    final Path viewsFile;
    final ViewDefinition view;
    final ServingKeys keys;
    final IngestSlots slots = IngestSlots.ofDefault();
    final AggregateMonoid monoid;
    /** The queried range [from, end): the 24 h up to the top of the current hour. */
    final Instant from;
    final Instant end;
    /** The batch boundary T. */
    final Instant boundary;
    final String runId;
    /** Events with an event time in [from, end): all, and per url. */
    long eventsInRange;
    final Map<String, Long> eventsInRangeByUrl = new HashMap<>();
    int batchHashes;
    int speedHashes;
    long fields;

    private QueryServingLoad(Path viewsFile, String prefix, Instant now) {
        this.viewsFile = viewsFile;
        this.view = ViewCatalogLoader.load("file:" + viewsFile).get(VIEW);
        this.keys = new ServingKeys(prefix);
        this.monoid = new AggregateMonoid(view.metrics(), SketchSettings.DEFAULTS);
        this.end = now.truncatedTo(ChronoUnit.HOURS);
        this.from = end.minus(Duration.ofHours(24));
        this.boundary = end.minus(Duration.ofHours(2));
        this.runId = "bench-" + boundary.getEpochSecond();
    }

    /** The url of rank {@code i} (0 the most frequent). */
    static String url(int i) {
        return "/page/" + i;
    }

    /**
     * Writes views.yml to a temp file, folds the events and writes rows, pointer, partials, positions and registry.
     *
     * @param endOffsets the topic's end offset per partition: every speed position is set to it (lag 0)
     */
    static QueryServingLoad write(String host, int port, String prefix, Map<Integer, Long> endOffsets) {
        Path file;
        try {
            file = Files.createTempFile("query-bench-views", ".yml");
            Files.writeString(file, VIEWS_YML);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QueryServingLoad load = new QueryServingLoad(file, prefix, Instant.now());
        List<Event> batch = new ArrayList<>();
        List<Event> speed = new ArrayList<>();
        List<Integer> speedPartitions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        long events = 24L * 60 * EVENTS_PER_MINUTE;
        long spacingMillis = 60_000 / EVENTS_PER_MINUTE;
        for (long i = 0; i < events; i++) {
            Instant ingest = load.from.plusMillis(i * spacingMillis + random.nextLong(spacingMillis));
            Instant time = ingest.minusMillis(random.nextLong(20_000)); // a little late, as events are
            double u = random.nextDouble();
            String url = url((int) (URLS * u * u));
            Event event = Event.of("e" + i, "pageview", time, Map.of("url", url,
                    "userId", "u" + random.nextInt(USERS), "durationMs", 100L + random.nextInt(30_000)))
                    .withIngestTime(ingest);
            if (!time.isBefore(load.from)) {
                load.eventsInRange++;
                load.eventsInRangeByUrl.merge(url, 1L, Long::sum);
            }
            if (ingest.isBefore(load.boundary)) {
                batch.add(event);
            } else {
                speed.add(event);
                speedPartitions.add(random.nextInt(PARTITIONS));
            }
        }
        RedisClient client = RedisClient.create(RedisURI.create(host, port));
        try (StatefulRedisConnection<String, String> text = client.connect(StringCodec.UTF8);
             StatefulRedisConnection<String, byte[]> bytes = client.connect(
                     RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            load.writeRun(text.sync(), bytes.async(), batch);
            load.writeSpeed(text.sync(), bytes.async(), speed, speedPartitions, endOffsets);
        } finally {
            client.shutdown();
        }
        return load;
    }

    /** KEYS.md "Batch run": runs entry, then per row hash its bi entry and fields; then the guarded publish. */
    private void writeRun(RedisCommands<String, String> text, RedisAsyncCommands<String, byte[]> bytes,
            List<Event> events) {
        ViewFold fold = new ViewFold(List.of(view), SketchSettings.DEFAULTS);
        Cells cells = new Cells();
        for (Event event : events) {
            fold.add(event, CellKey.NO_SLOT, cells);
        }
        AggregateMonoid folded = fold.monoid(ViewVersion.of(view));
        text.zadd(keys.runs(view.name(), view.version()), boundary.getEpochSecond(), runId);
        Map<ChunkRef, Map<String, byte[]>> hashes = new LinkedHashMap<>();
        for (Map.Entry<CellKey, Aggregate> cell : cells.all().entrySet()) {
            hashes.computeIfAbsent(cell.getKey().batchChunk(), c -> new HashMap<>())
                    .put(cell.getKey().groupField().encode(), folded.serialize(cell.getValue()));
        }
        Pipeline pipeline = new Pipeline();
        String index = keys.batchIndex(view.name(), view.version(), runId);
        hashes.forEach((chunk, fieldValues) -> {
            pipeline.add(bytes.zadd(index, chunk.score(), chunk.encode().getBytes(StandardCharsets.UTF_8)));
            pipeline.add(bytes.hset(keys.batchRows(view.name(), view.version(), runId, chunk.granularity(),
                    chunk.rollup(), chunk.chunkStart()), fieldValues));
            fields += fieldValues.size();
        });
        pipeline.await();
        batchHashes = hashes.size();
        BatchPointerPublisher.Outcome outcome = new BatchPointerPublisher(text, keys).publish(ViewVersion.of(view),
                BatchPointer.forSlots(slots, runId, boundary, Instant.now()));
        if (!outcome.published()) {
            throw new IllegalStateException("pointer not published: " + outcome.serving());
        }
    }

    /** KEYS.md "Speed flush" per partition (full values, {@code ~offset}, idx, offset, from, sp), then registry. */
    private void writeSpeed(RedisCommands<String, String> text, RedisAsyncCommands<String, byte[]> bytes,
            List<Event> events, List<Integer> partitionOf, Map<Integer, Long> endOffsets) {
        ViewFold fold = new ViewFold(List.of(view), SketchSettings.DEFAULTS);
        AggregateMonoid folded = fold.monoid(ViewVersion.of(view));
        Map<Integer, Cells> byPartition = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            fold.add(event, event.ingestTime(), slots, byPartition.computeIfAbsent(partitionOf.get(i),
                    p -> new Cells()));
        }
        new VersionRegistry(text, keys).register(view, Instant.now());
        Pipeline pipeline = new Pipeline();
        for (int p = 0; p < PARTITIONS; p++) {
            String position = Long.toString(endOffsets.getOrDefault(p, 0L));
            text.sadd(keys.speedPartitions(view.name(), view.version()), Integer.toString(p));
            Map<ChunkRef, Map<String, byte[]>> hashes = new LinkedHashMap<>();
            for (Map.Entry<CellKey, Aggregate> cell : byPartition.getOrDefault(p, new Cells()).all().entrySet()) {
                hashes.computeIfAbsent(cell.getKey().speedChunk(), c -> new HashMap<>())
                        .put(cell.getKey().partialField().encode(), folded.serialize(cell.getValue()));
            }
            String index = keys.speedIndex(view.name(), view.version(), p);
            for (Map.Entry<ChunkRef, Map<String, byte[]>> hash : hashes.entrySet()) {
                ChunkRef chunk = hash.getKey();
                fields += hash.getValue().size();
                Map<String, byte[]> fieldValues = new HashMap<>(hash.getValue());
                fieldValues.put(PartialField.OFFSET_FIELD, position.getBytes(StandardCharsets.US_ASCII));
                pipeline.add(bytes.hset(keys.speedPartial(view.name(), view.version(), p, chunk.granularity(),
                        chunk.rollup(), chunk.chunkStart()), fieldValues));
                pipeline.add(bytes.zadd(index, chunk.score(), chunk.encode().getBytes(StandardCharsets.UTF_8)));
            }
            speedHashes += hashes.size();
            pipeline.await();
            text.set(keys.speedOffset(view.name(), view.version(), p), position);
            text.setnx(keys.speedFrom(view.name(), view.version(), p), "0");
            text.set(keys.speedGeneration(view.name(), view.version(), p), "bench-" + p); // as after a full rewrite
        }
    }

    /** Pipelined writes, awaited every few thousand commands. */
    private static final class Pipeline {

        private final List<RedisFuture<?>> pending = new ArrayList<>();

        void add(RedisFuture<?> reply) {
            pending.add(reply);
            if (pending.size() >= PIPELINE) {
                await();
            }
        }

        void await() {
            for (RedisFuture<?> reply : pending) {
                try {
                    reply.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("writing the serving data", e);
                }
            }
            pending.clear();
        }
    }
}
