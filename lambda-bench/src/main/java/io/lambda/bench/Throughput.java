package io.lambda.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongSupplier;

/**
 * A small throughput harness, for benchmarks that run from the exec jar without JMH's generated code. It warms
 * every workload up, then measures them in interleaved rounds (A B C, A B C, ...), so that background load, GC and
 * CPU frequency changes hit a workload and its baseline alike. Every call returns a value that is folded into a
 * volatile sink, which keeps the JIT from dropping the work (the role of JMH's {@code Blackhole}).
 */
final class Throughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Written once per timed slice; read by nobody, which the JIT cannot know. */
    private static volatile long sink;

    private Throughput() {
    }

    /**
     * One measured operation.
     *
     * @param name the row label
     * @param unitsPerCall how many units of work (events, updates) one call performs
     * @param call performs the work and returns a value derived from its result
     */
    record Workload(String name, long unitsPerCall, LongSupplier call) {
    }

    /**
     * The per-round figures of one workload.
     *
     * @param values one figure per measured round, e.g. units per second
     */
    record Sample(String name, double[] values) {

        Sample {
            values = values.clone();
        }

        double mean() {
            return Arrays.stream(values).average().orElse(Double.NaN);
        }

        /** Sample standard deviation across rounds. */
        double sd() {
            double mean = mean();
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            return values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
        }

        double min() {
            return Arrays.stream(values).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(values).max().orElse(Double.NaN);
        }

        double median() {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        /** The same rounds through {@code f}, e.g. units per second to nanoseconds per unit. */
        Sample map(DoubleUnaryOperator f) {
            return new Sample(name, Arrays.stream(values).map(f).toArray());
        }

        /** Round by round quotient of this sample and {@code other}, e.g. a workload over its baseline. */
        Sample over(Sample other) {
            double[] ratios = new double[values.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = values[i] / other.values[i];
            }
            return new Sample(name + " / " + other.name, ratios);
        }
    }

    /**
     * The figures of one workload.
     *
     * @param wall units per wall-clock second, per round
     * @param cpu units per second of the measuring thread's CPU time, per round: less sensitive to other processes
     *     competing for the cores, blind to work on other threads (GC, JIT)
     */
    record Measured(Sample wall, Sample cpu) {
    }

    /**
     * Warms each workload up for {@code warmup} (in slices, round robin), then runs {@code rounds} rounds in which
     * each workload runs for {@code roundTime}.
     *
     * @return the rates of each workload, in {@code workloads} order
     */
    static List<Measured> measure(List<Workload> workloads, Duration warmup, int rounds, Duration roundTime) {
        long slice = Math.min(warmup.toNanos(), Duration.ofMillis(250).toNanos());
        double[] ignored = new double[2];
        for (long warmed = 0; warmed < warmup.toNanos(); warmed += slice) {
            for (Workload workload : workloads) {
                run(workload, slice, ignored);
            }
        }
        double[][] wall = new double[workloads.size()][rounds];
        double[][] cpu = new double[workloads.size()][rounds];
        double[] rates = new double[2];
        for (int round = 0; round < rounds; round++) {
            for (int w = 0; w < workloads.size(); w++) {
                run(workloads.get(w), roundTime.toNanos(), rates);
                wall[w][round] = rates[0];
                cpu[w][round] = rates[1];
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (int w = 0; w < workloads.size(); w++) {
            String name = workloads.get(w).name();
            measured.add(new Measured(new Sample(name, wall[w]), new Sample(name, cpu[w])));
        }
        return measured;
    }

    /** Calls the workload for at least {@code nanos} (whole calls only); stores units per wall and CPU second. */
    private static void run(Workload workload, long nanos, double[] rates) {
        LongSupplier call = workload.call();
        long consumed = 0;
        long calls = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + nanos;
        long now;
        do {
            consumed += call.getAsLong();
            calls++;
        } while ((now = System.nanoTime()) < deadline);
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        sink = consumed;
        double units = calls * (double) workload.unitsPerCall();
        rates[0] = units * 1e9 / (now - start);
        rates[1] = units * 1e9 / Math.max(1, cpuNanos);
    }
}
