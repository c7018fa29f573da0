package io.lambda.query.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lambda.core.merge.ReadPlan;
import io.lambda.core.merge.StoredCell;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.Chunks;
import io.lambda.core.serving.GroupField;
import io.lambda.core.serving.PartialField;
import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every read of the serving store (lambda-core/KEYS.md), each one pipelined round trip: all commands of a step are
 * sent before any reply is awaited. A query's steps: the version registry, the versions' pointers and start slots,
 * the served version's flushed positions, floors and indexes, then the rows and partials. Positions are read in a
 * round trip before the partials, so the data read is at least as new as the positions its lag is computed from.
 */
public final class ServingStore {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RedisReads redis;
    private final ServingKeys keys;

    public ServingStore(RedisReads redis, ServingKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public ServingKeys keys() {
        return keys;
    }

    /** The registered versions of a view, oldest first ({@code VersionRegistry}'s order). */
    public List<RegisteredVersion> registered(String view, long deadline) {
        Map<String, byte[]> stored = RedisReads.await(redis.commands().hgetall(keys.versions(view)), deadline);
        List<RegisteredVersion> versions = new ArrayList<>(stored.size());
        stored.forEach((version, bytes) -> {
            JsonNode node = JSON.readTree(text(bytes));
            versions.add(new RegisteredVersion(version, Instant.ofEpochMilli(node.get("registeredAt").asLong()),
                    node.path("description").asString(""), node.get("definition").asString()));
        });
        versions.sort(java.util.Comparator.comparing(RegisteredVersion::registeredAt)
                .thenComparing(RegisteredVersion::version));
        return List.copyOf(versions);
    }

    /** The pointers of the versions and, when {@code partitions > 0}, their start slots per partition. */
    public VersionState versionState(String view, List<String> versions, int partitions, long deadline) {
        RedisClusterAsyncCommands<String, byte[]> commands = redis.commands();
        Map<String, RedisFuture<byte[]>> pointers = new LinkedHashMap<>();
        Map<String, List<RedisFuture<byte[]>>> froms = new LinkedHashMap<>();
        for (String version : versions) {
            pointers.put(version, commands.get(keys.pointer(view, version)));
            List<RedisFuture<byte[]>> perPartition = new ArrayList<>(partitions);
            for (int p = 0; p < partitions; p++) {
                perPartition.add(commands.get(keys.speedFrom(view, version, p)));
            }
            froms.put(version, perPartition);
        }
        Map<String, BatchPointer> decodedPointers = new HashMap<>();
        Map<String, Map<Integer, Instant>> starts = new HashMap<>();
        for (String version : versions) {
            byte[] pointer = RedisReads.await(pointers.get(version), deadline);
            if (pointer != null) {
                decodedPointers.put(version, BatchPointer.fromBytes(pointer));
            }
            Map<Integer, Instant> byPartition = new HashMap<>();
            List<RedisFuture<byte[]>> perPartition = froms.get(version);
            for (int p = 0; p < perPartition.size(); p++) {
                byte[] from = RedisReads.await(perPartition.get(p), deadline);
                if (from != null) {
                    byPartition.put(p, Instant.ofEpochSecond(Long.parseLong(text(from).trim())));
                }
            }
            starts.put(version, byPartition);
        }
        return new VersionState(decodedPointers, starts);
    }

    /**
     * The flushed positions, the floors and the indexed chunk range of a version's partitions
     * {@code 0..partitions-1}, one round trip.
     */
    public SpeedPositions positions(String view, String version, int partitions, long deadline) {
        RedisClusterAsyncCommands<String, byte[]> commands = redis.commands();
        List<RedisFuture<byte[]>> offsets = new ArrayList<>(partitions);
        List<RedisFuture<byte[]>> floors = new ArrayList<>(partitions);
        List<RedisFuture<List<ScoredValue<byte[]>>>> firsts = new ArrayList<>(partitions);
        List<RedisFuture<List<ScoredValue<byte[]>>>> lasts = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            offsets.add(commands.get(keys.speedOffset(view, version, p)));
            floors.add(commands.get(floorKey(view, version, p)));
            String index = keys.speedIndex(view, version, p);
            firsts.add(commands.zrangeWithScores(index, 0, 0));
            lasts.add(commands.zrangeWithScores(index, -1, -1));
        }
        Map<Integer, Long> positions = new HashMap<>();
        Map<Integer, Instant> floorSlots = new HashMap<>();
        Instant earliest = null;
        Instant latest = null;
        for (int p = 0; p < partitions; p++) {
            byte[] offset = RedisReads.await(offsets.get(p), deadline);
            if (offset != null) {
                positions.put(p, Long.parseLong(text(offset).trim()));
            }
            byte[] floor = RedisReads.await(floors.get(p), deadline);
            if (floor != null) {
                floorSlots.put(p, Instant.ofEpochSecond(Long.parseLong(text(floor).trim())));
            }
            for (ScoredValue<byte[]> first : RedisReads.await(firsts.get(p), deadline)) {
                Instant chunk = Instant.ofEpochSecond((long) first.getScore());
                earliest = earliest == null || chunk.isBefore(earliest) ? chunk : earliest;
            }
            for (ScoredValue<byte[]> last : RedisReads.await(lasts.get(p), deadline)) {
                Instant chunk = Instant.ofEpochSecond((long) last.getScore());
                latest = latest == null || chunk.isAfter(latest) ? chunk : latest;
            }
        }
        return new SpeedPositions(positions, floorSlots, earliest, latest);
    }

    /** The partition's floor key ({@link ServingKeys#speedFloor}). */
    static String floorKey(ServingKeys keys, String view, String version, int partition) {
        return keys.speedFloor(view, version, partition);
    }

    private String floorKey(String view, String version, int partition) {
        return floorKey(keys, view, version, partition);
    }

    /** The archive watermark hash ({@code <p>archive:watermark}), field to value. */
    public Map<String, String> archiveWatermarks(long deadline) {
        Map<String, byte[]> hash = RedisReads.await(redis.commands().hgetall(keys.archiveWatermark()), deadline);
        Map<String, String> text = new HashMap<>();
        hash.forEach((field, value) -> text.put(field, text(value)));
        return text;
    }

    /**
     * The cells of the rows and partials a read names, in one pipelined round trip. Reserved partial fields
     * ({@code ~offset}) are skipped.
     */
    public List<StoredCell> cells(CellRead read, String view, String version, long deadline) {
        RedisClusterAsyncCommands<String, byte[]> commands = redis.commands();
        ReadPlan plan = read.plan();
        List<RedisFuture<Map<String, byte[]>>> wholeHashes = new ArrayList<>();
        List<RedisFuture<List<KeyValue<String, byte[]>>>> fieldReads = new ArrayList<>();
        List<Boolean> speed = new ArrayList<>();
        if (read.runId() != null) {
            List<String> batchKeys = plan.batchKeys(keys, read.runId());
            List<String> fixedValues = fixedValues(plan, read.filters());
            for (int i = 0; i < batchKeys.size(); i++) {
                if (fixedValues == null) {
                    wholeHashes.add(commands.hgetall(batchKeys.get(i)));
                    speed.add(false);
                } else {
                    String[] fields = fields(plan, plan.batchChunks().get(i), fixedValues);
                    if (fields.length > 0) {
                        fieldReads.add(commands.hmget(batchKeys.get(i), fields));
                    }
                }
            }
        }
        for (int p = 0; p < read.partitions(); p++) {
            for (String key : plan.speedKeys(keys, p)) {
                wholeHashes.add(commands.hgetall(key));
                speed.add(true);
            }
        }
        List<StoredCell> cells = new ArrayList<>();
        for (RedisFuture<List<KeyValue<String, byte[]>>> reply : fieldReads) {
            for (KeyValue<String, byte[]> field : RedisReads.await(reply, deadline)) {
                if (field.hasValue()) {
                    cells.add(StoredCell.batch(GroupField.decode(field.getKey()), field.getValue()));
                }
            }
        }
        for (int i = 0; i < wholeHashes.size(); i++) {
            Map<String, byte[]> hash = RedisReads.await(wholeHashes.get(i), deadline);
            boolean partial = speed.get(i);
            hash.forEach((field, value) -> {
                if (!partial) {
                    cells.add(StoredCell.batch(GroupField.decode(field), value));
                } else if (!PartialField.isReserved(field)) {
                    cells.add(StoredCell.speed(PartialField.decode(field), value));
                }
            });
        }
        return cells;
    }

    /** The values of the row's kept dimensions when the filters fix all of them (and fix something), else null. */
    private static @Nullable List<String> fixedValues(ReadPlan plan, Map<String, String> filters) {
        List<String> kept = plan.rollup().kept();
        if (filters.isEmpty() || !filters.keySet().containsAll(kept)) {
            return null;
        }
        return kept.stream().map(filters::get).toList();
    }

    /** The fields of one batch chunk holding the plan's buckets with the given values. */
    private static String[] fields(ReadPlan plan, ChunkRef chunk, List<String> values) {
        long seconds = plan.granularity().duration().getSeconds();
        long first = plan.firstBucket().getEpochSecond();
        long end = first + plan.bucketCount() * seconds;
        long chunkStart = chunk.chunkStart().getEpochSecond();
        long chunkEnd = Chunks.chunkEnd(plan.granularity(), chunk.chunkStart()).getEpochSecond();
        List<String> fields = new ArrayList<>();
        for (long bucket = Math.max(first, chunkStart); bucket < Math.min(end, chunkEnd); bucket += seconds) {
            fields.add(new GroupField(Instant.ofEpochSecond(bucket), values).encode());
        }
        return fields.toArray(String[]::new);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
