package io.lambda.ingest.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The archiver's meters:
 * <ul>
 * <li>{@code lambda.archive.watermark} (gauge, seconds since the epoch): the lowest archive watermark of the
 * partitions this instance owns; NaN while any of them is unknown. The topic's watermark is the minimum over all
 * instances (in Redis, see {@link ArchiveWatermarkStore}).</li>
 * <li>{@code lambda.archive.watermark.lag} (gauge, seconds): how far that watermark is behind now.</li>
 * <li>{@code lambda.archive.records}, {@code .files}, {@code .bytes} (counters): events, files and object bytes
 * stored.</li>
 * <li>{@code lambda.archive.dead.letters} (counter): unreadable records sent to the dead-letter topic.</li>
 * <li>{@code lambda.archive.recovered.files} (counter): files found stored but uncommitted after a crash.</li>
 * </ul>
 */
public final class ArchiveMetrics {

    private final Clock clock;
    private final Counter records;
    private final Counter files;
    private final Counter bytes;
    private final Counter deadLetters;
    private final Counter recoveredFiles;
    private volatile double watermarkMillis = Double.NaN;

    public ArchiveMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.records = Counter.builder("lambda.archive.records").description("Events stored in the master dataset")
                .register(registry);
        this.files = Counter.builder("lambda.archive.files").description("Files stored in the master dataset")
                .register(registry);
        this.bytes = Counter.builder("lambda.archive.bytes").baseUnit("bytes")
                .description("Object bytes stored in the master dataset").register(registry);
        this.deadLetters = Counter.builder("lambda.archive.dead.letters")
                .description("Unreadable records sent to the dead-letter topic").register(registry);
        this.recoveredFiles = Counter.builder("lambda.archive.recovered.files")
                .description("Files found stored but uncommitted after a crash").register(registry);
        Gauge.builder("lambda.archive.watermark", this, m -> m.watermarkMillis / 1000.0).baseUnit("seconds")
                .description("Archive watermark of this instance's partitions, seconds since the epoch")
                .strongReference(true).register(registry);
        Gauge.builder("lambda.archive.watermark.lag", this, m -> (m.clock.millis() - m.watermarkMillis) / 1000.0)
                .baseUnit("seconds").description("How far this instance's archive watermark is behind now")
                .strongReference(true).register(registry);
    }

    void stored(SealedFile file) {
        records.increment(file.records());
        files.increment();
        bytes.increment(file.container().length);
    }

    void deadLettered() {
        deadLetters.increment();
    }

    void recovered(int count) {
        recoveredFiles.increment(count);
    }

    void watermark(Optional<Instant> watermark) {
        watermarkMillis = watermark.map(w -> (double) w.toEpochMilli()).orElse(Double.NaN);
    }
}
