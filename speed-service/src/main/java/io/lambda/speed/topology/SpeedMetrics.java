package io.lambda.speed.topology;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The topology's meters ({@code lambda.speed.*}); shared by every task, thread-safe. */
public final class SpeedMetrics {

    private final MeterRegistry registry;
    private final Counter processed;
    private final Map<SkipReason, Counter> skipped = new ConcurrentHashMap<>();
    private final DistributionSummary flushCells;
    private final Timer flushLatency;
    private final Counter refused;
    private final Counter rewrites;
    private final Counter failures;
    private final Counter cleaned;

    public SpeedMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder("lambda.speed.events.processed")
                .description("events folded into the views (after dedup)").register(registry);
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, Counter.builder("lambda.speed.records.skipped").tag("reason", reason.tag())
                    .description("records not folded, by reason").register(registry));
        }
        this.flushCells = DistributionSummary.builder("lambda.speed.flush.cells")
                .description("partials written by one flush of a task").register(registry);
        this.flushLatency = Timer.builder("lambda.speed.flush.latency")
                .description("time of one flush of a task, Redis round trips included").register(registry);
        this.refused = Counter.builder("lambda.speed.flush.refused")
                .description("flush scripts refused by the offset guard").register(registry);
        this.rewrites = Counter.builder("lambda.speed.flush.rewrites")
                .description("full rewrites after a missing or changed generation marker").register(registry);
        this.failures = Counter.builder("lambda.speed.flush.failures")
                .description("flushes or cleanups that failed (Redis unreachable); retried").register(registry);
        this.cleaned = Counter.builder("lambda.speed.cleanup.cells")
                .description("cells removed after a batch boundary").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void processed() {
        processed.increment();
    }

    void skipped(SkipReason reason) {
        skipped.get(reason).increment();
    }

    void flushed(int cells, Duration took) {
        flushCells.record(cells);
        flushLatency.record(took);
    }

    void refused() {
        refused.increment();
    }

    void rewrite() {
        rewrites.increment();
    }

    void failed() {
        failures.increment();
    }

    void cleaned(int cells) {
        cleaned.increment(cells);
    }
}
