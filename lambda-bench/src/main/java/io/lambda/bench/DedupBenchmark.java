package io.lambda.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.convert.DurationStyle;

import io.lambda.core.serving.ServingKeys;
import io.lambda.ingest.dedup.RecentIds;
import io.lambda.test.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What ingest's dedup costs Redis in steady state: {@code dedup [threads=16] [window=20s] [rounds=4] [roundSeconds=5]}.
 *
 * <p>{@link RecentIds}, as ingest runs it, against a redis-server of its own, with a short dedup window so that the
 * run reaches the steady state of a long one within a minute: every bucket of the window holds ids and the oldest
 * expire. {@code threads} threads each look up 1,000 new ids and remember them, as ingest does per request of
 * 1,000 events. The baseline, in alternating rounds: the same threads only remembering their ids ({@code SADD} to
 * the current bucket, then a one-id check that waits for it), the insert every exact dedup in shared Redis sets
 * pays once per id. Prints, per load, ids/s and the CPU per 1,000 ids of the Redis server (user and system) and of
 * this JVM, then the ids held and Redis memory per id. Redis and the JVM share the machine, so ids/s is only
 * comparable within a run; CPU per id is the figure to size Redis with.
 */
public final class DedupBenchmark {

    private static final int IDS_PER_REQUEST = 1_000;

    private DedupBenchmark() {
    }

    public static void run(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        Duration window = args.length > 1 ? DurationStyle.detectAndParse(args[1]) : Duration.ofSeconds(20);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long roundMillis = (args.length > 3 ? Long.parseLong(args[3]) : 5) * 1000;
        try (RedisServerProcess redis = RedisServerProcess.start(Files.createTempDirectory("dedup-bench"));
             RedisStats stats = new RedisStats(redis.endpoint().host(), redis.endpoint().port())) {
            RedisClient client = RedisClient.create(RedisURI.create(redis.endpoint().host(), redis.endpoint().port()));
            ServingKeys keys = new ServingKeys("bench:");
            try (RecentIds ids = new RecentIds(() -> client, keys, window, Duration.ofSeconds(2),
                    new SimpleMeterRegistry())) {
                awaitConnected(ids);
                // fills every bucket of the window, so checks meet full sets and the oldest bucket expires meanwhile
                long fillMillis = window.toMillis() * 5 / 4;
                measure(ids, stats, threads, fillMillis, true);
                List<Result> checked = new ArrayList<>();
                List<Result> remembered = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    checked.add(measure(ids, stats, threads, roundMillis, true));
                    remembered.add(measure(ids, stats, threads, roundMillis, false));
                }
                String firstBucket = keys.ingestedIds(0, Instant.EPOCH); // a single server keeps every id in shard 0
                long held = stats.setMembers(firstBucket.substring(0, firstBucket.length() - 1) + "*");
                long memory = stats.usedMemory();
                System.out.printf(Locale.ROOT, "dedup benchmark: %d threads, %,d new ids per request, window %s "
                        + "(steady state after %d s), %d alternating rounds of %d s%n", threads, IDS_PER_REQUEST,
                        window, fillMillis / 1000, rounds, roundMillis / 1000);
                print("RecentIds lookUp + remember (as ingest)", median(checked));
                print("remember only [baseline: one insert per id]", median(remembered));
                System.out.printf(Locale.ROOT, "ids held at the end: %,d; Redis used_memory %,d MiB, %.0f bytes per id "
                        + "(ids of %d characters)%n", held, memory >> 20, memory / (double) Math.max(1, held),
                        newId(new SplittableRandom(1)).length());
                Result median = median(checked);
                System.out.printf(Locale.ROOT, "check + remember / remember only (Redis CPU per id): %.2f; one Redis "
                        + "core dedups at most about %,.0f events/s%n", median.redisMillis() / median(remembered)
                        .redisMillis(), 1e6 / median.redisMillis());
            } finally {
                client.shutdown();
            }
        }
    }

    /** One load's round: ids/s, and CPU per 1,000 ids of the Redis server (and of it, system time) and this JVM. */
    record Result(double idsPerSecond, double redisMillis, double redisSystemMillis, double jvmMillis) {
    }

    private static Result measure(RecentIds ids, RedisStats stats, int threads, long millis, boolean check)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + millis * 1_000_000;
        RedisStats.Cpu redisBefore = stats.cpu();
        long jvmBefore = JvmCpu.nanos();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(System.nanoTime() + t);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    List<String> request = new ArrayList<>(IDS_PER_REQUEST);
                    for (int i = 0; i < IDS_PER_REQUEST; i++) {
                        request.add(newId(random));
                    }
                    if (check && !ids.lookUp(request).seen().isEmpty()) {
                        throw new IllegalStateException("a new id was reported seen");
                    }
                    ids.remember(request);
                    if (!check) {
                        // remember does not wait for Redis; a one-id check behind it on the connection does
                        ids.lookUp(request.subList(0, 1)).seen();
                    }
                    done.addAndGet(IDS_PER_REQUEST);
                }
            }, "dedup-bench-" + t);
            worker.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a dedup benchmark thread failed", failure.get());
        }
        stats.awaitIdle(); // remember does not wait for Redis: its commands count for the round that sent them
        double seconds = (System.nanoTime() - start) / 1e9;
        RedisStats.Cpu redis = stats.cpu().minus(redisBefore);
        double thousands = Math.max(1, done.get() / 1000.0);
        return new Result(done.get() / seconds, redis.total() * 1000 / thousands, redis.system() * 1000 / thousands,
                (JvmCpu.nanos() - jvmBefore) / 1e6 / thousands);
    }

    /** RecentIds connects in the background; until then every check fails. */
    private static void awaitConnected(RecentIds ids) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            ids.lookUp(List.of("connect")).seen();
            if (ids.available()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("dedup did not connect to Redis within 10 s");
    }

    private static String newId(SplittableRandom random) {
        return "evt-" + HexFormat.of().toHexDigits(random.nextLong());
    }

    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(a.redisMillis(), b.redisMillis()));
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String name, Result result) {
        System.out.printf(Locale.ROOT, "%-45s: %,10.0f ids/s; Redis CPU %.2f ms per 1,000 ids (system %.2f), "
                + "JVM CPU %.2f ms%n", name, result.idsPerSecond(), result.redisMillis(), result.redisSystemMillis(),
                result.jvmMillis());
    }
}
