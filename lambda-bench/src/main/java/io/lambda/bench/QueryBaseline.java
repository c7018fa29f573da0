package io.lambda.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lambda.core.merge.ReadPlan;
import io.lambda.core.merge.StoredCell;
import io.lambda.core.metric.Aggregate;
import io.lambda.core.metric.ResultOptions;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.Chunks;
import io.lambda.core.serving.GroupField;
import io.lambda.core.serving.PartialField;
import io.lambda.core.time.Granularity;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The query benchmark's baselines: the same hashes the query service reads for an answer, fetched in one pipelined
 * round trip of a raw Lettuce connection shared by the client threads (as the service shares one), with the run and
 * boundary known up front (the service reads them, its registry, pointers and positions in 3 more round trips). The
 * plan is lambda-core's {@link ReadPlan} with the service's speed range (from {@code T} to now + 1 h), so the keys
 * are the service's keys. For the groups query the hashes are also merged with a plain loop: deserialize, combine
 * per group, sort by the count, keep the top ones.
 */
final class QueryBaseline implements AutoCloseable {

    /** The query service's default {@code lambda.query.speed-margin}. */
    private static final Duration SPEED_MARGIN = Duration.ofHours(1);

    private final QueryServingLoad data;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisAsyncCommands<String, byte[]> redis;

    QueryBaseline(String host, int port, QueryServingLoad data) {
        this.data = data;
        this.client = RedisClient.create(RedisURI.create(host, port));
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.redis = connection.async();
    }

    /** (a) and (b): the series' row hashes (HGETALL, or HMGET of the filtered value's fields) and partials. */
    long series(Map<String, String> filters) {
        ReadPlan plan = seriesPlan(filters);
        List<RedisFuture<Map<String, byte[]>>> hashes = new ArrayList<>();
        List<RedisFuture<List<KeyValue<String, byte[]>>>> fieldReads = new ArrayList<>();
        List<String> batchKeys = plan.batchKeys(data.keys, data.runId);
        for (int i = 0; i < batchKeys.size(); i++) {
            if (filters.isEmpty()) {
                hashes.add(redis.hgetall(batchKeys.get(i)));
            } else {
                fieldReads.add(redis.hmget(batchKeys.get(i), fields(plan, plan.batchChunks().get(i),
                        List.copyOf(filters.values()))));
            }
        }
        for (int p = 0; p < QueryServingLoad.PARTITIONS; p++) {
            for (String key : plan.speedKeys(data.keys, p)) {
                hashes.add(redis.hgetall(key));
            }
        }
        long fields = 0;
        for (RedisFuture<List<KeyValue<String, byte[]>>> reply : fieldReads) {
            for (KeyValue<String, byte[]> field : await(reply)) {
                fields += field.hasValue() ? 1 : 0;
            }
        }
        for (RedisFuture<Map<String, byte[]>> reply : hashes) {
            fields += await(reply).size();
        }
        return fields;
    }

    /** A group and the count of its merged aggregate. */
    record Group(String key, long count) {
    }

    /** (c): the groups' row hashes and partials, merged per group, the {@code limit} largest counts. */
    List<Group> groups(String by, int limit) {
        ReadPlan plan = groupsPlan(by);
        List<RedisFuture<Map<String, byte[]>>> rows = new ArrayList<>();
        List<RedisFuture<Map<String, byte[]>>> partials = new ArrayList<>();
        for (String key : plan.batchKeys(data.keys, data.runId)) {
            rows.add(redis.hgetall(key));
        }
        for (int p = 0; p < QueryServingLoad.PARTITIONS; p++) {
            for (String key : plan.speedKeys(data.keys, p)) {
                partials.add(redis.hgetall(key));
            }
        }
        Instant from = plan.firstBucket();
        Instant to = data.end;
        Map<String, Aggregate> groups = new HashMap<>();
        for (RedisFuture<Map<String, byte[]>> reply : rows) {
            await(reply).forEach((field, value) -> {
                GroupField group = GroupField.decode(field);
                if (!group.bucket().isBefore(from) && group.bucket().isBefore(to)) {
                    add(groups, group.values().get(0), value);
                }
            });
        }
        for (RedisFuture<Map<String, byte[]>> reply : partials) {
            await(reply).forEach((field, value) -> {
                if (!PartialField.isReserved(field)) {
                    PartialField partial = PartialField.decode(field);
                    GroupField group = partial.group();
                    if (!partial.slot().isBefore(data.boundary) && !group.bucket().isBefore(from)
                            && group.bucket().isBefore(to)) {
                        add(groups, group.values().get(0), value);
                    }
                }
            });
        }
        List<Group> counted = new ArrayList<>(groups.size());
        groups.forEach((key, aggregate) -> counted.add(new Group(key,
                ((Number) data.monoid.result(aggregate, QueryServingLoad.METRIC_COUNT, ResultOptions.DEFAULTS))
                        .longValue())));
        counted.sort((a, b) -> Long.compare(b.count(), a.count()));
        return List.copyOf(counted.subList(0, Math.min(limit, counted.size())));
    }

    /** The plan of the 24 h minute series (as the service makes it). */
    ReadPlan seriesPlan(Map<String, String> filters) {
        return ReadPlan.series(data.view, Granularity.MINUTE, filters, data.from, data.end, data.boundary,
                speedUntil());
    }

    /** The plan of the groups over 24 h (as the service makes it: hour rows). */
    ReadPlan groupsPlan(String by) {
        return ReadPlan.groups(data.view, by, Map.of(), data.from, data.end, data.boundary, speedUntil());
    }

    /** The cells of a plan's hashes as the service decodes them (for the merge profile; not timed). */
    List<StoredCell> cells(ReadPlan plan) {
        List<StoredCell> cells = new ArrayList<>();
        for (String key : plan.batchKeys(data.keys, data.runId)) {
            await(redis.hgetall(key)).forEach((field, value) -> cells.add(StoredCell.batch(GroupField.decode(field),
                    value)));
        }
        for (int p = 0; p < QueryServingLoad.PARTITIONS; p++) {
            for (String key : plan.speedKeys(data.keys, p)) {
                await(redis.hgetall(key)).forEach((field, value) -> {
                    if (!PartialField.isReserved(field)) {
                        cells.add(StoredCell.speed(PartialField.decode(field), value));
                    }
                });
            }
        }
        return cells;
    }

    private void add(Map<String, Aggregate> groups, String key, byte[] value) {
        Aggregate aggregate = data.monoid.deserialize(value);
        groups.merge(key, aggregate, data.monoid::combine);
    }

    /** The service's speed range end: now + its margin (the newest indexed chunk ends before that). */
    private static Instant speedUntil() {
        return Instant.now().plus(SPEED_MARGIN);
    }

    /** The fields of one row hash holding the plan's buckets with the given values (as the service's HMGET). */
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

    private static <T> T await(RedisFuture<T> reply) {
        try {
            return reply.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("baseline read failed", e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
