package io.lambda.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs {@code workers} threads that each repeat one batch operation (returning how many events it completed) for
 * a warm-up and then a measured period, and reports events per second of the measured period and batch latencies.
 */
final class IngestThroughput {

    /** One batch of work; returns the events it completed. */
    @FunctionalInterface
    interface Batch {
        int run(long batchNumber) throws Exception;
    }

    /** The measured period's figures. */
    record Result(double eventsPerSecond, double batchesPerSecond, long p50Millis, long p99Millis, long failures,
            double cpuMillisPerThousandEvents) {
    }

    private IngestThroughput() {
    }

    static Result measure(int workers, long warmupMillis, long measureMillis, AtomicLong batchNumbers, Batch batch)
            throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000;
        long measureUntil = measureFrom + measureMillis * 1_000_000;
        AtomicLong events = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(workers);
        List<Future<?>> running = new ArrayList<>();
        long[] cpuAtStart = new long[1];
        executor.execute(() -> { }); // warm the pool before measuring
        Thread cpuMarker = new Thread(() -> {
            // sleeps, not spins: a spinning thread would take a core from the warm-up it waits for
            for (long left = measureFrom - System.nanoTime(); left > 0; left = measureFrom - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            cpuAtStart[0] = JvmCpu.nanos();
        });
        for (int w = 0; w < workers; w++) {
            running.add(executor.submit(() -> {
                ready.countDown();
                while (System.nanoTime() < measureUntil) {
                    long t0 = System.nanoTime();
                    int done;
                    try {
                        done = batch.run(batchNumbers.getAndIncrement());
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    long t1 = System.nanoTime();
                    // a batch counts when it started and ended inside the measured period
                    if (t0 >= measureFrom && t1 <= measureUntil) {
                        events.addAndGet(done);
                        batches.incrementAndGet();
                        latencies.add((t1 - t0) / 1_000_000);
                    }
                }
                return null;
            }));
        }
        cpuMarker.start();
        for (Future<?> future : running) {
            future.get();
        }
        cpuMarker.join();
        long cpu = JvmCpu.nanos() - cpuAtStart[0];
        executor.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = measureMillis / 1000.0;
        return new Result(events.get() / seconds, batches.get() / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99), failures.get(), cpu / 1e6 / Math.max(1, events.get() / 1000.0));
    }

    private static long percentile(List<Long> sorted, double rank) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(rank * sorted.size())));
    }
}
