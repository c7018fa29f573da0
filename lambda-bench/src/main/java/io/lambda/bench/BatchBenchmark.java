package io.lambda.bench;

/** Placeholder while the benchmark is written (replaced by its author; never committed as is). */
final class BatchBenchmark {

    private BatchBenchmark() {
    }

    static void run(String[] args) {
        throw new UnsupportedOperationException("BatchBenchmark is not written yet");
    }
}
