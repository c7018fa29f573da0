package io.lambda.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.lambda.gateway.auth.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code lambda.gateway.*}: where the services are, which API keys exist, their rate limits and the body limit.
 * The service addresses' defaults (the local stack's ports) are in {@code application.yml}.
 *
 * @param services the upstream services
 * @param keys the API keys, as SHA-256 hashes with their roles; required (the {@code local} profile has one)
 * @param rateLimit rate limits per role, and where their token buckets live
 * @param maxBodySize largest request body forwarded (413 beyond), counted on the bytes actually received
 * @param upstreamRetryAfter the {@code Retry-After} of a 503 when a service is down or too slow
 */
@ConfigurationProperties("lambda.gateway")
public record GatewayProperties(Services services, @DefaultValue List<Key> keys, @DefaultValue RateLimits rateLimit,
        @DefaultValue("10MB") DataSize maxBodySize, @DefaultValue("5s") Duration upstreamRetryAfter) {

    public GatewayProperties {
        Objects.requireNonNull(services, "lambda.gateway.services");
        keys = List.copyOf(keys);
        if (maxBodySize.toBytes() < 0 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lambda.gateway.max-body-size must be between 0 and 2 GiB: " + maxBodySize);
        }
    }

    /** The three services the public API is routed to. */
    public record Services(Service ingest, Service query, Service batch) {

        public Services {
            Objects.requireNonNull(ingest, "lambda.gateway.services.ingest");
            Objects.requireNonNull(query, "lambda.gateway.services.query");
            Objects.requireNonNull(batch, "lambda.gateway.services.batch");
        }
    }

    /**
     * One service: its instances, used in turn, and the timeouts of a request to it.
     *
     * @param instances base URIs such as {@code http://127.0.0.1:8081}, without a path
     * @param connectTimeout how long to wait for a TCP connection to an instance
     * @param responseTimeout how long to wait for the response headers once the request is sent
     */
    public record Service(List<URI> instances, @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("30s") Duration responseTimeout) {

        public Service {
            instances = List.copyOf(instances);
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("a service needs at least one instance");
            }
            for (URI instance : instances) {
                if (!("http".equals(instance.getScheme()) || "https".equals(instance.getScheme()))
                        || instance.getHost() == null
                        || (instance.getRawPath() != null && !instance.getRawPath().isEmpty() && !"/".equals(instance.getRawPath()))) {
                    throw new IllegalArgumentException("an instance is http(s)://host[:port] without a path: " + instance);
                }
            }
        }
    }

    /**
     * One API key.
     *
     * @param sha256 the SHA-256 of the key, 64 hex digits (the key itself is never configured)
     * @param roles what the key may do
     * @param rateLimit this key's own limit, instead of its role's
     */
    public record Key(String sha256, Set<Role> roles, @Nullable RateLimit rateLimit) {

        public Key {
            Objects.requireNonNull(sha256, "sha256");
            roles = Set.copyOf(roles);
        }
    }

    /**
     * Rate limits: a token bucket per API key and role, in Redis so that every gateway instance shares it.
     *
     * @param perRole the limit of each role, unless a key has its own
     * @param keyPrefix prefix of the buckets' Redis keys
     * @param redisTimeout how long a request waits for Redis before the per-instance bucket decides
     */
    public record RateLimits(@DefaultValue Map<Role, RateLimit> perRole,
            @DefaultValue("lambda:gateway:rate:") String keyPrefix, @DefaultValue("200ms") Duration redisTimeout) {

        public RateLimits {
            perRole = Map.copyOf(perRole);
        }
    }

    /**
     * A token bucket's settings.
     *
     * @param rate requests per second, refilled continuously
     * @param burst requests allowed at once (the bucket's size)
     */
    public record RateLimit(double rate, int burst) {

        public RateLimit {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate must be a positive number of requests per second: " + rate);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1: " + burst);
            }
        }
    }
}
