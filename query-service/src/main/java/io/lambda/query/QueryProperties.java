package io.lambda.query;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the query service ({@code lambda.query.*}).
 *
 * @param redisTimeout  how long one query waits for Redis in all before answering 503
 * @param kafkaTimeout  how long one query waits for the event topic's end offsets before answering 503
 * @param speedMargin   how far past the query host's clock speed partials are read (a broker clock running ahead
 *                      stamps slots in the host's future); the partitions' indexes extend it further when needed
 * @param retryAfter    the {@code Retry-After} of a 503, rounded up to whole seconds
 * @param batchUrl      the batch service's base URL for {@code /status} (last run, running flag); unset: unknown
 * @param batchTimeout  how long {@code /status} waits for the batch service
 * @param maxBuckets    the most buckets one answer may hold (API.md: 10,000)
 */
@ConfigurationProperties("lambda.query")
public record QueryProperties(
        @DefaultValue("2s") Duration redisTimeout,
        @DefaultValue("3s") Duration kafkaTimeout,
        @DefaultValue("1h") Duration speedMargin,
        @DefaultValue("5s") Duration retryAfter,
        @Nullable URI batchUrl,
        @DefaultValue("1s") Duration batchTimeout,
        @DefaultValue("10000") int maxBuckets) {

    public QueryProperties {
        if (redisTimeout.isNegative() || redisTimeout.isZero() || kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
            throw new IllegalArgumentException("lambda.query.redis-timeout and kafka-timeout must be positive");
        }
        if (speedMargin.isNegative()) {
            throw new IllegalArgumentException("lambda.query.speed-margin must not be negative");
        }
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("lambda.query.max-buckets must be at least 1");
        }
    }

    /** The {@code Retry-After} header value in whole seconds (at least 1). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
