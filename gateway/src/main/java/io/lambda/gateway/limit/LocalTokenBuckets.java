package io.lambda.gateway.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lambda.gateway.GatewayProperties.RateLimit;

/**
 * Token buckets in this instance's memory, with the same settings as those in Redis: each instance's own bound, and
 * the only limit while Redis is unreachable (then N instances together allow up to N times the limit, never
 * unlimited). One bucket per API key and role: the configured keys bound their number.
 */
final class LocalTokenBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    Admission tryAcquire(String bucketId, RateLimit limit, long nowNanos) {
        return buckets.computeIfAbsent(bucketId, id -> new Bucket(limit.burst(), nowNanos)).tryAcquire(limit, nowNanos);
    }

    private static final class Bucket {

        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.updatedNanos = nowNanos;
        }

        synchronized Admission tryAcquire(RateLimit limit, long nowNanos) {
            long elapsed = Math.max(0, nowNanos - updatedNanos);
            tokens = Math.min(limit.burst(), tokens + elapsed * limit.rate() / 1e9);
            updatedNanos = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return Admission.ALLOWED;
            }
            return Admission.deniedForMillis((long) Math.ceil((1 - tokens) * 1000 / limit.rate()));
        }
    }
}
