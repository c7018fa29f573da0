package io.lambda.gateway.route;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;

import io.lambda.gateway.GatewayProperties;
import io.lambda.gateway.problem.ProblemType;
import io.lambda.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a failed call to a service (refused or timed-out connection, no response headers within the route's
 * response timeout, connection closed early) into a 503 problem with {@code Retry-After}. Runs right around the
 * HTTP client, so only the call's own failures get here; a service's own error answers pass through unchanged.
 */
@Component
class UpstreamFailureFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailureFilter.class);

    private final GatewayProperties properties;

    UpstreamFailureFilter(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(error);
            }
            Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
            URI instance = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
            log.warn("Service unavailable route={} instance={}:{} error={}", route.getId(),
                    instance == null ? "?" : instance.getHost(), instance == null ? -1 : instance.getPort(), error.toString());
            if (exchange.getAttribute(CLIENT_RESPONSE_ATTR) != null) {
                // the service's headers were already copied; none of them belong to this answer
                exchange.getResponse().getHeaders().clear();
            }
            return Problems.write(exchange, ProblemType.UPSTREAM_UNAVAILABLE,
                    "The " + route.getId() + " service did not answer; retry later", properties.upstreamRetryAfter());
        });
    }
}
