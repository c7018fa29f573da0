package io.lambda.gateway.limit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.lambda.gateway.GatewayProperties;
import io.lambda.gateway.GatewayProperties.RateLimit;
import io.lambda.gateway.auth.ApiKey;
import io.lambda.gateway.auth.ApiKeyFilter;
import io.lambda.gateway.auth.Role;
import io.lambda.gateway.problem.ProblemType;
import io.lambda.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each API key's requests per route role with a token bucket: the key's own limit, else its role's. The
 * bucket is named by the key's hashed id, never by anything else the client sends. 429 with {@code Retry-After}
 * when it is empty.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final GatewayProperties.RateLimits settings;

    RateLimitFilter(RateLimiter limiter, GatewayProperties properties) {
        this.limiter = limiter;
        this.settings = properties.rateLimit();
        for (Role role : Role.values()) {
            if (!settings.perRole().containsKey(role)) {
                throw new IllegalStateException("No rate limit for role " + role.label() + ": set lambda.gateway.rate-limit"
                        + ".per-role." + role.label() + ".rate and .burst");
            }
        }
    }

    @Override
    public int getOrder() {
        return ApiKeyFilter.ORDER + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ApiKey key = exchange.getRequiredAttribute(ApiKey.ATTRIBUTE);
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        Role role = Role.valueOf(String.valueOf(route.getMetadata().get(Role.ROUTE_METADATA)));
        RateLimit limit = key.rateLimit() != null ? key.rateLimit() : settings.perRole().get(role);
        return limiter.admit(key.id() + ":" + role.label(), limit).flatMap(admission -> {
            if (admission instanceof Admission.Denied denied) {
                log.debug("Rejected request route={} keyId={} reason=rate-limited retryAfterMs={}", route.getId(),
                        key.id(), denied.retryAfter().toMillis());
                return Problems.write(exchange, ProblemType.RATE_LIMITED, "This API key sends more than "
                        + limit.rate() + " requests per second (bursts of " + limit.burst() + ") to " + role.label()
                        + " resources; retry later", denied.retryAfter());
            }
            return chain.filter(exchange);
        });
    }
}
