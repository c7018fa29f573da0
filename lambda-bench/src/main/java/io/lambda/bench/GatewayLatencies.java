package io.lambda.bench;

import java.io.IOException;
import java.util.Arrays;

/** Request latencies of one workload, across rounds; thread-safe. */
final class GatewayLatencies {

    private final String name;
    private long[] nanos = new long[1024];
    private int count;
    private long failures;

    GatewayLatencies(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized void fail() {
        failures++;
    }

    synchronized int count() {
        return count;
    }

    synchronized long failures() {
        return failures;
    }

    /** The latency at {@code rank} (0..1) in milliseconds; NaN without samples. */
    synchronized double millis(double rank) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(count - 1, Math.floor(rank * count))] / 1e6;
    }

    /**
     * GETs {@code path} over {@code client} one request after the other for {@code millis}, recording each latency
     * (when {@code record}) and counting answers other than 200 as failures.
     *
     * @return the requests made
     */
    long getFor(KeepAliveHttpClient client, String path, long millis, boolean record) throws IOException {
        long until = System.nanoTime() + millis * 1_000_000;
        long requests = 0;
        while (System.nanoTime() < until) {
            long t0 = System.nanoTime();
            KeepAliveHttpClient.Response response = client.get(path);
            long t1 = System.nanoTime();
            requests++;
            if (!record) {
                continue;
            }
            if (response.status() == 200) {
                add(t1 - t0);
            } else {
                fail();
            }
        }
        return requests;
    }

    /** One line: count, p50, p99, max. */
    void print() {
        System.out.printf("  %-46s: p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms (%,d requests, failures %d)%n", name,
                millis(0.50), millis(0.99), millis(1.0), count(), failures());
    }
}
