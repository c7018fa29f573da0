package io.lambda.ingest.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.protocol.AsyncCommand;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ids accepted within the dedup window, in Redis sets per shard and time bucket
 * ({@link ServingKeys#ingestedIds}; layout and reasons in {@code lambda-core/KEYS.md}). A lookup sends the ids of
 * each shard once and has Redis intersect them with every bucket of the last window ({@link DedupCommands}, all in
 * one write); its answer is awaited at most the dedup timeout after sending. After the broker's ack the ids are
 * added to the current bucket, without making the request wait.
 *
 * <p>When Redis does not answer in time, a lookup reports nothing seen and {@link #remember} does nothing; see
 * {@link DedupFailures} for what is logged and counted.
 */
public final class RecentIds implements AcceptedIds, AutoCloseable {

    private final RedisLink link;
    private final ServingKeys keys;
    private final IdBuckets buckets;
    private final Duration timeout;
    private final DedupFailures failures;

    /**
     * @param client the Lettuce client to open dedup's own connection from (a connection attempt starts at once, in
     *     the background)
     */
    public RecentIds(Supplier<AbstractRedisClient> client, ServingKeys keys, Duration window, Duration timeout,
            MeterRegistry registry) {
        this.failures = new DedupFailures(registry);
        this.link = new RedisLink(client, timeout, DedupCommands::requireSupportedServer, failures::connectFailed);
        this.keys = keys;
        this.buckets = new IdBuckets(window);
        this.timeout = timeout;
        link.connectInBackground();
    }

    /**
     * Sends the check of {@code ids} to Redis and returns at once; the lookup's answer waits at most the dedup timeout
     * from now, and is empty when Redis does not answer in time.
     */
    @Override
    public Lookup lookUp(List<String> ids) {
        RedisLink.Session redis = link.session();
        if (ids.isEmpty()) {
            return Set::of;
        }
        if (redis == null) {
            failures.checkFailed(new IllegalStateException("not connected"));
            return Lookup.UNCHECKED;
        }
        Instant[] lookup = buckets.lookup(Instant.now());
        List<List<String>> shards = byShard(ids, shardCount(redis));
        String token = UUID.randomUUID().toString();
        List<AsyncCommand<String, String, ?>> commands = new ArrayList<>();
        List<AsyncCommand<String, String, List<String>>> intersections = new ArrayList<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            if (!shards.get(shard).isEmpty()) {
                List<String> bucketKeys = new ArrayList<>(lookup.length);
                for (Instant bucket : lookup) {
                    bucketKeys.add(keys.ingestedIds(shard, bucket));
                }
                DedupCommands.Check check = DedupCommands.check(keys.ingestedIdsProbe(shard, token), bucketKeys,
                        shards.get(shard));
                commands.addAll(check.commands());
                intersections.addAll(check.intersections());
            }
        }
        try {
            DedupCommands.dispatch(redis, commands);
        } catch (RuntimeException e) {
            failures.checkFailed(e);
            return Lookup.UNCHECKED;
        }
        return new PendingLookup(intersections, System.nanoTime() + timeout.toNanos());
    }

    /** A check sent to Redis; its answer is awaited until the deadline. */
    private final class PendingLookup implements Lookup {
        private final List<AsyncCommand<String, String, List<String>>> intersections;
        private final long deadline;
        private boolean checked;

        PendingLookup(List<AsyncCommand<String, String, List<String>>> intersections, long deadline) {
            this.intersections = intersections;
            this.deadline = deadline;
        }

        @Override
        public Set<String> seen() {
            try {
                Set<String> seen = new HashSet<>();
                for (AsyncCommand<String, String, List<String>> intersection : intersections) {
                    seen.addAll(intersection.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                }
                failures.answered();
                checked = true;
                return seen;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failures.checkFailed(e);
                checked = false;
                return Set.of();
            }
        }

        @Override
        public boolean checked() {
            return checked;
        }
    }

    /**
     * Remembers {@code ids} as accepted now. The request does not wait: Redis runs the commands of one connection in
     * order, so a later {@link #seen} of this instance finds them. Failures are counted and logged when Redis
     * answers or the dedup timeout expires the commands.
     */
    @Override
    public void remember(List<String> ids) {
        RedisLink.Session redis = link.session();
        if (ids.isEmpty()) {
            return;
        }
        if (redis == null) {
            failures.rememberFailed(new IllegalStateException("not connected"));
            return;
        }
        Instant bucket = buckets.current(Instant.now());
        long expiry = buckets.expiry(bucket).toEpochMilli();
        List<List<String>> shards = byShard(ids, shardCount(redis));
        List<AsyncCommand<String, String, ?>> writes = new ArrayList<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            if (!shards.get(shard).isEmpty()) {
                writes.addAll(DedupCommands.remember(keys.ingestedIds(shard, bucket), shards.get(shard), expiry));
            }
        }
        try {
            DedupCommands.dispatch(redis, writes);
        } catch (RuntimeException e) {
            failures.rememberFailed(e);
            return;
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            if (failure == null) {
                failures.answered();
            } else {
                failures.rememberFailed(failure);
            }
        });
    }

    /** Whether the last Redis call succeeded (true before the first call). */
    public boolean available() {
        return failures.available();
    }

    @Override
    public void close() {
        link.close();
    }

    /**
     * On a Redis Cluster the ids spread over {@value ServingKeys#INGESTED_ID_SHARDS} shards (hash tags), so dedup's
     * load spreads over the nodes; a single server gains nothing from shards and would only get 16 times the
     * commands, so there every id is in shard 0.
     */
    static int shardCount(RedisLink.Session redis) {
        return redis.cluster() ? ServingKeys.INGESTED_ID_SHARDS : 1;
    }

    /** {@code ids} by shard: element {@code i} holds the ids of shard {@code i}, in their order. */
    static List<List<String>> byShard(List<String> ids, int shardCount) {
        if (shardCount != 1 && shardCount != ServingKeys.INGESTED_ID_SHARDS) {
            throw new IllegalArgumentException("ids go to 1 or " + ServingKeys.INGESTED_ID_SHARDS + " shards, not "
                    + shardCount);
        }
        List<List<String>> shards = new ArrayList<>(shardCount);
        for (int i = 0; i < shardCount; i++) {
            shards.add(new ArrayList<>(ids.size() / shardCount + 8));
        }
        for (String id : ids) {
            shards.get(shardCount == 1 ? 0 : ServingKeys.ingestedIdShard(id)).add(id);
        }
        return shards;
    }
}
