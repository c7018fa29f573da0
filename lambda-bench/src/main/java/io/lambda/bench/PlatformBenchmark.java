package io.lambda.bench;

/** Placeholder while the benchmark is written (replaced by its author; never committed as is). */
final class PlatformBenchmark {

    private PlatformBenchmark() {
    }

    static void run(String[] args) {
        throw new UnsupportedOperationException("PlatformBenchmark is not written yet");
    }
}
