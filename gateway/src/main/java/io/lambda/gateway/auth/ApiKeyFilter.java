package io.lambda.gateway.auth;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.List;
import java.util.Optional;

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
 * Authenticates {@code X-API-Key} and checks the route's role: 401 for a missing, unknown or malformed key (one
 * body for all three), 403 for a key without the role. Runs first among the route filters, so nothing else happens
 * for an unauthenticated request.
 */
@Component
public class ApiKeyFilter implements GlobalFilter, Ordered {

    /** Order among the gateway's global filters: before the rate and body limits. */
    public static final int ORDER = -300;
    public static final String HEADER = "X-API-Key";

    static final String UNAUTHORIZED_DETAIL = "A valid API key is required in the X-API-Key header";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        Role required = Role.valueOf(String.valueOf(route.getMetadata().get(Role.ROUTE_METADATA)));
        List<String> presented = exchange.getRequest().getHeaders().get(HEADER);
        Optional<ApiKey> key = presented != null && presented.size() == 1 ? keys.find(presented.get(0)) : Optional.empty();
        if (key.isEmpty()) {
            log.debug("Rejected request route={} reason=unauthorized", route.getId());
            return Problems.write(exchange, ProblemType.UNAUTHORIZED, UNAUTHORIZED_DETAIL);
        }
        exchange.getAttributes().put(ApiKey.ATTRIBUTE, key.get());
        if (!key.get().roles().contains(required)) {
            log.debug("Rejected request route={} keyId={} reason=forbidden", route.getId(), key.get().id());
            return Problems.write(exchange, ProblemType.FORBIDDEN,
                    "This API key does not have the role '" + required.label() + "' this resource needs");
        }
        return chain.filter(exchange);
    }
}
