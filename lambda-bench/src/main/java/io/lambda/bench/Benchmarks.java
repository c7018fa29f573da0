package io.lambda.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lambda.test.LambdaStack;

/**
 * Entry point of every benchmark: {@code java -jar lambda-bench-*-exec.jar <name> [args]}.
 * Benchmarks print their figures beside a baseline measured in the same run; nothing asserts them.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        // each benchmark registers itself here: benchmarks.put("core", CoreBenchmark::run);
        benchmarks.put("core", CoreBenchmark::run);
        benchmarks.put("archive", ArchiverBenchmark::run);
        benchmarks.put("ingest", IngestBenchmark::run);
        benchmarks.put("dedup", DedupBenchmark::run);
        benchmarks.put("speed", SpeedBenchmark::run);
        benchmarks.put("batch", BatchBenchmark::run);
        benchmarks.put("query", QueryBenchmark::run);
        benchmarks.put("gateway", GatewayBenchmark::run);
        benchmarks.put("e2e", PlatformBenchmark::run);
        if (args.length == 0 || !benchmarks.containsKey(args[0])) {
            throw new IllegalArgumentException("usage: <benchmark> [args], one of " + benchmarks.keySet());
        }
        int status = 0;
        try {
            benchmarks.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
        } catch (Exception | AssertionError e) {
            org.slf4j.LoggerFactory.getLogger(Benchmarks.class).error("Benchmark {} failed", args[0], e);
            status = 1;
        } finally {
            // stop the stack before the shutdown hooks race each other, then end the JVM: the embedded broker's
            // threads are not daemons, so a failed benchmark would otherwise hang
            LambdaStack.stopIfStarted();
        }
        System.exit(status);
    }

    /** One runnable benchmark. */
    @FunctionalInterface
    interface Benchmark {
        void run(String[] args) throws Exception;
    }
}
