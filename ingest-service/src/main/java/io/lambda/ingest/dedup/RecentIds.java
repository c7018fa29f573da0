package io.lambda.ingest.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.AbstractRedisClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ids accepted within the dedup window, in Redis sets per shard and time bucket
 * ({@link ServingKeys#ingestedIds}; layout and reasons in {@code lambda-core/KEYS.md}). A check runs one script per
 * shard over the buckets of the last window and waits at most the dedup timeout; after the broker's ack one script
 * per shard adds the ids to the current bucket, without making the request wait.
 *
 * <p>When Redis does not answer in time, {@link #seen} reports nothing seen and {@link #remember} does nothing; see
 * {@link DedupFailures} for what is logged and counted.
 */
public final class RecentIds implements AutoCloseable {


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
        this.link = new RedisLink(client, timeout, DedupScripts::load, failures::connectFailed);
        this.keys = keys;
        this.buckets = new IdBuckets(window);
        this.timeout = timeout;
        link.connectInBackground();
    }

    /** The ids among {@code ids} accepted within the window; none when Redis does not answer in time. */
    public Set<String> seen(List<String> ids) {
        RedisLink.Session redis = link.session();
        if (ids.isEmpty()) {
            return Set.of();
        }
        if (redis == null) {
            failures.checkFailed(new IllegalStateException("not connected"));
            return Set.of();
        }
        Instant[] lookup = buckets.lookup(Instant.now());
        List<List<String>> shards = byShard(ids);
        List<List<String>> asked = new ArrayList<>();
        List<DedupScripts.Call> calls = new ArrayList<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            if (!shards.get(shard).isEmpty()) {
                String[] bucketKeys = new String[lookup.length];
                for (int i = 0; i < lookup.length; i++) {
                    bucketKeys[i] = keys.ingestedIds(shard, lookup[i]);
                }
                asked.add(shards.get(shard));
                calls.add(new DedupScripts.Call(bucketKeys, new String[] {String.join("\n", shards.get(shard))}));
            }
        }
        try {
            List<CompletableFuture<String>> answers = DedupScripts.CHECK.run(redis, calls);
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < answers.size(); i++) {
                String flags = answers.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                List<String> shardIds = asked.get(i);
                for (int j = 0; j < shardIds.size(); j++) {
                    if (flags.charAt(j) == '1') {
                        seen.add(shardIds.get(j));
                    }
                }
            }
            failures.answered();
            return seen;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failures.checkFailed(e);
            return Set.of();
        }
    }

    /**
     * Remembers {@code ids} as accepted now. The request does not wait: Redis runs the commands of one connection in
     * order, so a later {@link #seen} of this instance finds them. Failures are counted and logged when Redis
     * answers or the dedup timeout expires the commands.
     */
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
        String expiry = Long.toString(buckets.expiry(bucket).toEpochMilli());
        List<List<String>> shards = byShard(ids);
        List<DedupScripts.Call> calls = new ArrayList<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            if (!shards.get(shard).isEmpty()) {
                calls.add(new DedupScripts.Call(new String[] {keys.ingestedIds(shard, bucket)},
                        new String[] {String.join("\n", shards.get(shard)), expiry}));
            }
        }
        List<CompletableFuture<Long>> writes;
        try {
            writes = DedupScripts.REMEMBER.run(redis, calls);
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

    private static List<List<String>> byShard(List<String> ids) {
        List<List<String>> shards = new ArrayList<>(ServingKeys.INGESTED_ID_SHARDS);
        for (int i = 0; i < ServingKeys.INGESTED_ID_SHARDS; i++) {
            shards.add(new ArrayList<>(ids.size() / ServingKeys.INGESTED_ID_SHARDS + 8));
        }
        for (String id : ids) {
            shards.get(ServingKeys.ingestedIdShard(id)).add(id);
        }
        return shards;
    }
}
