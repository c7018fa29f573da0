package io.lambda.bench;

/** Placeholder while the benchmark is written (replaced by its author; never committed as is). */
final class SpeedBenchmark {

    private SpeedBenchmark() {
    }

    static void run(String[] args) {
        throw new UnsupportedOperationException("SpeedBenchmark is not written yet");
    }
}
