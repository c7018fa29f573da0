package io.lambda.query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import io.lambda.core.serving.Chunks;
import io.lambda.core.serving.PartialField;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lambda.core.view.ViewDefinition;
import io.lambda.test.LambdaStack;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Writes what the batch and speed layers write, in the exact KEYS.md layout, with lambda-core's fold and codecs: a
 * batch run's rows and its pointer, every partition's speed partials with their positions, the version registry.
 */
final class ServingWriter implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> textConnection;
    private final StatefulRedisConnection<String, byte[]> bytesConnection;
    private final RedisCommands<String, String> text;
    private final RedisCommands<String, byte[]> bytes;
    private final ServingKeys keys;
    private final IngestSlots slots;
    private final SketchSettings sketches = SketchSettings.DEFAULTS;

    ServingWriter(LambdaStack stack, ServingKeys keys, IngestSlots slots) {
        this.client = RedisClient.create(RedisURI.create(stack.redis().host(), stack.redis().port()));
        this.textConnection = client.connect(StringCodec.UTF8);
        this.bytesConnection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.text = textConnection.sync();
        this.bytes = bytesConnection.sync();
        this.keys = keys;
        this.slots = slots;
    }

    RedisCommands<String, String> text() {
        return text;
    }

    /** Batch run steps 1 and 2 (KEYS.md): the run in {@code runs}, then per row hash its index entry and fields. */
    void writeRun(ViewDefinition view, String runId, Instant boundary, Collection<TestEvent> events) {
        ViewFold fold = new ViewFold(List.of(view), sketches);
        Cells cells = new Cells();
        for (TestEvent event : events) {
            if (event.ingestTime().isBefore(boundary)) {
                fold.add(event.event(), CellKey.NO_SLOT, cells);
            }
        }
        AggregateMonoid monoid = fold.monoid(ViewVersion.of(view));
        text.zadd(keys.runs(view.name(), view.version()), boundary.getEpochSecond(), runId);
        for (Map.Entry<CellKey, Aggregate> cell : cells.all().entrySet()) {
            ChunkRef chunk = cell.getKey().batchChunk();
            text.zadd(keys.batchIndex(view.name(), view.version(), runId), chunk.score(), chunk.encode());
            bytes.hset(keys.batchRows(view.name(), view.version(), runId, chunk.granularity(), chunk.rollup(),
                    chunk.chunkStart()), cell.getKey().groupField().encode(), monoid.serialize(cell.getValue()));
        }
    }

    /** Batch run step 3: the guarded pointer publish. */
    BatchPointerPublisher.Outcome publish(ViewDefinition view, String runId, Instant boundary) {
        return new BatchPointerPublisher(text, keys).publish(ViewVersion.of(view),
                BatchPointer.forSlots(slots, runId, boundary, Instant.now()));
    }

    /** Batch cleanup (step 4) of one run: its row hashes, its index, its entry in {@code runs}. */
    void deleteRun(ViewDefinition view, String runId) {
        String index = keys.batchIndex(view.name(), view.version(), runId);
        for (String member : text.zrange(index, 0, -1)) {
            ChunkRef chunk = ChunkRef.decode(member);
            text.unlink(keys.batchRows(view.name(), view.version(), runId, chunk.granularity(), chunk.rollup(),
                    chunk.chunkStart()));
        }
        text.unlink(index);
        text.zrem(keys.runs(view.name(), view.version()), runId);
    }

    /**
     * A speed flush of every partition holding events: the partials of all its events (full values, plus
     * {@code ~offset}), their index entries, the partition's position and start slot ({@code 0}: computed from the
     * log start), and the partition in {@code sp}.
     *
     * @param positions each partition's flushed position; a partition missing here gets no offset key
     */
    void writeSpeed(ViewDefinition view, Collection<TestEvent> events, Map<Integer, Long> positions) {
        ViewFold fold = new ViewFold(List.of(view), sketches);
        AggregateMonoid monoid = fold.monoid(ViewVersion.of(view));
        Map<Integer, Cells> byPartition = new HashMap<>();
        for (TestEvent event : events) {
            fold.add(event.event(), event.ingestTime(), slots, byPartition.computeIfAbsent(event.partition(),
                    p -> new Cells()));
        }
        byPartition.forEach((partition, cells) -> {
            String position = Long.toString(positions.getOrDefault(partition, 0L));
            text.sadd(keys.speedPartitions(view.name(), view.version()), Integer.toString(partition));
            for (Map.Entry<CellKey, Aggregate> cell : cells.all().entrySet()) {
                ChunkRef chunk = cell.getKey().speedChunk();
                String key = keys.speedPartial(view.name(), view.version(), partition, chunk.granularity(),
                        chunk.rollup(), chunk.chunkStart());
                bytes.hset(key, cell.getKey().partialField().encode(), monoid.serialize(cell.getValue()));
                bytes.hset(key, PartialField.OFFSET_FIELD, position.getBytes());
                text.zadd(keys.speedIndex(view.name(), view.version(), partition), chunk.score(), chunk.encode());
            }
            text.setnx(keys.speedFrom(view.name(), view.version(), partition), "0");
        });
        positions.forEach((partition, position) -> setOffset(view, partition, position));
    }

    void setOffset(ViewDefinition view, int partition, long position) {
        text.set(keys.speedOffset(view.name(), view.version(), partition), Long.toString(position));
    }

    void setFrom(ViewDefinition view, int partition, Instant slot) {
        text.set(keys.speedFrom(view.name(), view.version(), partition), Long.toString(slot.getEpochSecond()));
    }

    /** Speed cleanup after a boundary: every partial hash of a chunk that ends at or before {@code boundary}. */
    int deleteSpeedBefore(ViewDefinition view, int partitions, Instant boundary) {
        int deleted = 0;
        long limit = Chunks.slotChunkStart(boundary).getEpochSecond();
        for (int p = 0; p < partitions; p++) {
            String index = keys.speedIndex(view.name(), view.version(), p);
            for (String member : text.zrangebyscore(index,
                    io.lettuce.core.Range.create((double) Long.MIN_VALUE, (double) limit - 1))) {
                ChunkRef chunk = ChunkRef.decode(member);
                deleted += text.unlink(keys.speedPartial(view.name(), view.version(), p, chunk.granularity(),
                        chunk.rollup(), chunk.chunkStart())).intValue();
                text.zrem(index, member);
            }
        }
        return deleted;
    }

    /** Registers a version as the speed layer does at start. */
    void register(ViewDefinition view, Instant at) {
        new VersionRegistry(text, keys).register(view, at);
    }

    @Override
    public void close() {
        textConnection.close();
        bytesConnection.close();
        client.shutdown();
    }
}
