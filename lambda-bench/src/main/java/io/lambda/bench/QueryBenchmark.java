package io.lambda.bench;

/** Placeholder while the benchmark is written (replaced by its author; never committed as is). */
final class QueryBenchmark {

    private QueryBenchmark() {
    }

    static void run(String[] args) {
        throw new UnsupportedOperationException("QueryBenchmark is not written yet");
    }
}
