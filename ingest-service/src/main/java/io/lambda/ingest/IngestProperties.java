package io.lambda.ingest;

import java.time.Duration;

import io.lambda.core.event.BodyLimits;
import io.lambda.core.event.EventRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of {@code POST /api/v1/events} ({@code lambda.ingest.*}). The topic itself is
 * {@link io.lambda.core.kafka.EventTopicProperties} ({@code lambda.events.*}).
 *
 * @param maxEvents most events one request may hold (413 beyond)
 * @param maxBytes most bytes one request body may hold (413 beyond), checked while streaming
 * @param maxEventAge how far in the past an event's timestamp may lie
 * @param maxEventFuture how far in the future an event's timestamp may lie
 * @param produceTimeout how long a request waits for the broker to acknowledge all its events before answering
 *     503; also bounds every blocking call of the producer and the topic check at startup
 * @param retryAfter the {@code Retry-After} of a 503, rounded up to whole seconds
 * @param dedupEnabled whether repeated ids are looked up in Redis and reported as duplicates; without it every valid
 *     event is written (the layers downstream keep one event per id regardless) and Redis is never used
 * @param dedupWindow how long an accepted id is remembered in Redis to report repeats as duplicates
 * @param dedupTimeout how long a request waits for Redis before treating its ids as unseen
 */
@ConfigurationProperties("lambda.ingest")
public record IngestProperties(
        @DefaultValue("10000") int maxEvents,
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("365d") Duration maxEventAge,
        @DefaultValue("5m") Duration maxEventFuture,
        @DefaultValue("5s") Duration produceTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("true") boolean dedupEnabled,
        @DefaultValue("24h") Duration dedupWindow,
        @DefaultValue("250ms") Duration dedupTimeout) {

    public IngestProperties {
        limits(maxEvents, maxBytes);
        new EventRules(maxEventFuture, maxEventAge);
        requirePositive("produce-timeout", produceTimeout);
        requirePositive("retry-after", retryAfter);
        requirePositive("dedup-window", dedupWindow);
        requirePositive("dedup-timeout", dedupTimeout);
    }

    /** The request limits as lambda-core's reader takes them. */
    public BodyLimits bodyLimits() {
        return limits(maxEvents, maxBytes);
    }

    /** The timestamp window as lambda-core's validator takes it. */
    public EventRules eventRules() {
        return new EventRules(maxEventFuture, maxEventAge);
    }

    /** {@link #retryAfter()} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static BodyLimits limits(int maxEvents, DataSize maxBytes) {
        return new BodyLimits(maxEvents, maxBytes.toBytes());
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lambda.ingest." + name + " must be positive, got " + value);
        }
    }
}
