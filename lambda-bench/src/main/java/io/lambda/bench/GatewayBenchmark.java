package io.lambda.bench;

/** Placeholder while the benchmark is written (replaced by its author; never committed as is). */
final class GatewayBenchmark {

    private GatewayBenchmark() {
    }

    static void run(String[] args) {
        throw new UnsupportedOperationException("GatewayBenchmark is not written yet");
    }
}
