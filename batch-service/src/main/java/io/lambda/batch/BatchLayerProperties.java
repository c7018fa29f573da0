package io.lambda.batch;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lambda.core.time.Granularity;

/**
 * The batch layer's settings ({@code lambda.batch.*}).
 *
 * @param interval        time between scheduled runs (fixed delay after a run started by the schedule)
 * @param initialDelay    time from start to the first scheduled run
 * @param scheduleEnabled whether runs start on the schedule at all (tests turn it off)
 * @param cleanupGrace    how long an old run's rows stay after a newer run was published: longer than any query
 * @param skipLimit       corrupt files, blocks or records one partition may skip before the run fails
 * @param chunkSize       events per chunk (a chunk commits progress to the job repository)
 * @param workerThreads   partitions read at once; 0 means one per available processor
 * @param recoverAfter    a run marked running without any update for this long belongs to a dead process: it is
 *                        recovered and restarted (at start and on every schedule tick)
 * @param redisTimeout    timeout of one Redis command or pipelined batch
 * @param retention       how far before the boundary rows are kept, per granularity
 */
@ConfigurationProperties("lambda.batch")
public record BatchLayerProperties(
        @DefaultValue("15m") Duration interval,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("true") boolean scheduleEnabled,
        @DefaultValue("10m") Duration cleanupGrace,
        @DefaultValue("100") int skipLimit,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("0") int workerThreads,
        @DefaultValue("5m") Duration recoverAfter,
        @DefaultValue("30s") Duration redisTimeout,
        @DefaultValue Retention retention) {

    public BatchLayerProperties {
        Objects.requireNonNull(retention, "retention");
        if (skipLimit < 1) {
            throw new IllegalArgumentException("lambda.batch.skip-limit must be at least 1, got " + skipLimit);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("lambda.batch.chunk-size must be at least 1, got " + chunkSize);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("lambda.batch.interval must be positive, got " + interval);
        }
    }

    /** Worker threads to use. */
    public int threads() {
        return workerThreads > 0 ? workerThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Rows kept per granularity, relative to the run's boundary {@code T}: a row whose bucket starts before
     * {@code T - retention} is not written. Unset means forever.
     *
     * @param minute default 14 days
     * @param hour   default 400 days
     * @param day    default forever
     */
    public record Retention(@DefaultValue("14d") @Nullable Duration minute, @DefaultValue("400d") @Nullable Duration hour,
            @Nullable Duration day) {

        /** The retention of a granularity, or null for forever. */
        public @Nullable Duration of(Granularity granularity) {
            return switch (granularity) {
                case MINUTE -> minute;
                case HOUR -> hour;
                case DAY -> day;
            };
        }
    }
}
