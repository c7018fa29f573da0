package io.lambda.gateway.limit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.lambda.gateway.GatewayProperties;
import io.lambda.gateway.GatewayProperties.RateLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Token buckets shared by every gateway instance through Redis (one Lua script call per request), behind the same
 * bucket in this instance's memory. When Redis does not answer within {@code redis-timeout}, the instance's bucket
 * alone decides: never unlimited. While Redis is out, one request a second asks it again (the others don't wait for
 * it, however long {@code redis-timeout} is). Each switch is
 * logged once; {@code lambda.gateway.rate-limit.fallback} counts the requests let through without Redis and
 * {@code lambda.gateway.rate-limit.degraded} is 1 while Redis is out.
 */
@Component
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final long REDIS_RETRY_INTERVAL_NANOS = 1_000_000_000L;

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<Long> script =
            RedisScript.of(new ClassPathResource("io/lambda/gateway/limit/token-bucket.lua"), Long.class);
    private final GatewayProperties.RateLimits settings;
    private final LocalTokenBuckets local = new LocalTokenBuckets();
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final Counter fallbackDecisions;
    /** While degraded, no request asks Redis before this {@link System#nanoTime()}; the one that does moves it on. */
    private final AtomicLong nextRedisAttempt = new AtomicLong();

    RateLimiter(ReactiveStringRedisTemplate redis, GatewayProperties properties, MeterRegistry registry) {
        this.redis = redis;
        this.settings = properties.rateLimit();
        this.fallbackDecisions = Counter.builder("lambda.gateway.rate-limit.fallback")
                .description("Requests let through by the per-instance bucket alone because Redis did not answer")
                .register(registry);
        Gauge.builder("lambda.gateway.rate-limit.degraded", degraded, d -> d.get() ? 1 : 0)
                .description("1 while Redis is unreachable and the per-instance buckets decide")
                .register(registry);
    }

    /**
     * Takes a token from {@code bucketId}'s bucket, or says how long until there is one. This instance's own bucket
     * is asked first and always: it bounds what this instance lets through even while Redis answers slowly or only
     * now and then (a request whose Redis call timed out must not get a second chance from a fresh bucket). Redis
     * then holds the key to its limit across all instances.
     */
    Mono<Admission> admit(String bucketId, RateLimit limit) {
        long now = System.nanoTime();
        Admission own = local.tryAcquire(bucketId, limit, now);
        if (own instanceof Admission.Denied) {
            return Mono.just(own);
        }
        if (degraded.get()) {
            long next = nextRedisAttempt.get();
            if (now - next < 0 || !nextRedisAttempt.compareAndSet(next, now + REDIS_RETRY_INTERVAL_NANOS)) {
                // Redis failed less than a second ago, or another request is asking it again right now: don't make
                // every request wait for it to fail again
                fallbackDecisions.increment();
                return Mono.just(own);
            }
        }
        return redis.execute(script, List.of(settings.keyPrefix() + bucketId),
                        List.of(Double.toString(limit.rate()), Integer.toString(limit.burst())))
                .next()
                .timeout(settings.redisTimeout())
                .map(wait -> {
                    if (degraded.compareAndSet(true, false)) {
                        log.info("Redis answers again; rate limits are shared by all gateway instances again");
                    }
                    return wait == 0 ? Admission.ALLOWED : Admission.deniedForMillis(wait);
                })
                .onErrorResume(error -> {
                    nextRedisAttempt.set(System.nanoTime() + REDIS_RETRY_INTERVAL_NANOS);
                    if (degraded.compareAndSet(false, true)) {
                        log.warn("Redis did not answer a rate-limit check ({}); each gateway instance limits on its own"
                                + " until it does", error.toString());
                    }
                    fallbackDecisions.increment();
                    return Mono.just(own);
                });
    }
}
