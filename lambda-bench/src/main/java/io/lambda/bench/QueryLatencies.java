package io.lambda.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A closed-loop latency harness for the query benchmark: {@code clients} threads each send one request, wait for
 * its answer and send the next. Every workload is warmed up (round robin, in slices), then measured in interleaved
 * rounds (A B C, A B C, ...), so background load hits a workload and its baseline alike. Records every latency, the
 * calls per wall-clock second and the CPU the query service, Redis and this JVM spent during the workload's rounds.
 */
final class QueryLatencies implements AutoCloseable {

    private static volatile long sink;

    /** One request type. {@code call} is invoked by one client thread at a time; {@code client} names the thread. */
    record Workload(String name, Call call) {
    }

    /** One request; returns a value derived from the answer. */
    @FunctionalInterface
    interface Call {
        long call(int client) throws Exception;
    }

    /** CPU seconds so far of the processes sharing the cores. */
    record Cpu(double service, double redis, double jvm) {

        Cpu minus(Cpu earlier) {
            return new Cpu(service - earlier.service, redis - earlier.redis, jvm - earlier.jvm);
        }

        Cpu plus(Cpu other) {
            return new Cpu(service + other.service, redis + other.redis, jvm + other.jvm);
        }
    }

    /** The figures of one workload over all its measured rounds. */
    record Result(String name, long[] sortedNanos, double seconds, Cpu cpu, double[] roundP99Millis) {

        long calls() {
            return sortedNanos.length;
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
        }

        double perSecond() {
            return calls() / seconds;
        }

        /** Milliseconds of CPU per call: query service, Redis, this JVM. */
        Cpu cpuMillisPerCall() {
            double calls = Math.max(1, calls());
            return new Cpu(cpu.service * 1e3 / calls, cpu.redis * 1e3 / calls, cpu.jvm * 1e3 / calls);
        }
    }

    private final int clients;
    private final ExecutorService threads;
    private final java.util.function.Supplier<Cpu> cpu;

    QueryLatencies(int clients, java.util.function.Supplier<Cpu> cpu) {
        this.clients = clients;
        this.threads = Executors.newFixedThreadPool(clients);
        this.cpu = cpu;
    }

    List<Result> measure(List<Workload> workloads, Duration warmup, int rounds, Duration roundTime) throws Exception {
        long slice = Math.min(warmup.toNanos(), Duration.ofSeconds(1).toNanos());
        for (long warmed = 0; warmed < warmup.toNanos(); warmed += slice * workloads.size()) {
            for (Workload workload : workloads) {
                run(workload, slice);
            }
        }
        List<List<long[]>> latencies = new ArrayList<>();
        double[] seconds = new double[workloads.size()];
        Cpu[] used = new Cpu[workloads.size()];
        double[][] roundP99 = new double[workloads.size()][rounds];
        for (int w = 0; w < workloads.size(); w++) {
            latencies.add(new ArrayList<>());
            used[w] = new Cpu(0, 0, 0);
        }
        for (int round = 0; round < rounds; round++) {
            for (int w = 0; w < workloads.size(); w++) {
                Cpu before = cpu.get();
                long start = System.nanoTime();
                long[] nanos = run(workloads.get(w), roundTime.toNanos());
                seconds[w] += (System.nanoTime() - start) / 1e9;
                used[w] = used[w].plus(cpu.get().minus(before));
                latencies.get(w).add(nanos);
                long[] sorted = nanos.clone();
                Arrays.sort(sorted);
                roundP99[w][round] = sorted.length == 0 ? Double.NaN
                        : sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1e6;
            }
        }
        List<Result> results = new ArrayList<>();
        for (int w = 0; w < workloads.size(); w++) {
            long[] all = latencies.get(w).stream().flatMapToLong(Arrays::stream).sorted().toArray();
            results.add(new Result(workloads.get(w).name(), all, seconds[w], used[w], roundP99[w]));
        }
        return results;
    }

    /** Runs the workload on every client thread until {@code nanos} have passed; the latency of each call. */
    private long[] run(Workload workload, long nanos) throws Exception {
        long deadline = System.nanoTime() + nanos;
        List<Future<long[]>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(threads.submit(() -> loop(workload.call(), client, deadline)));
        }
        List<long[]> perClient = new ArrayList<>();
        for (Future<long[]> client : running) {
            perClient.add(client.get(nanos / 1_000_000 + 120_000, TimeUnit.MILLISECONDS));
        }
        return perClient.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static long[] loop(Call call, int client, long deadline) throws Exception {
        long[] nanos = new long[1024];
        int count = 0;
        long consumed = 0;
        long start = System.nanoTime();
        do {
            consumed += call.call(client);
            long now = System.nanoTime();
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = now - start;
            start = now;
        } while (start < deadline);
        sink = consumed;
        return Arrays.copyOf(nanos, count);
    }

    /** A {@link LongSupplier}-like call that ignores the client. */
    static Call shared(LongSupplier call) {
        return client -> call.getAsLong();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
