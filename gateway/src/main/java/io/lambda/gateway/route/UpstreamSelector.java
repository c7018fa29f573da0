package io.lambda.gateway.route;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Resolves a route's {@code lb://<service>} URL to one of the service's configured instances, in turn (round
 * robin), where Spring Cloud LoadBalancer would: the instances are a fixed list from the configuration, so a
 * discovery client would add nothing. A request is not retried on another instance.
 */
final class UpstreamSelector implements GlobalFilter, Ordered {

    private final Map<String, Instances> services;

    UpstreamSelector(Map<String, List<URI>> instances) {
        this.services = instances.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new Instances(e.getValue())));
    }

    @Override
    public int getOrder() {
        // where ReactiveLoadBalancerClientFilter would run: after the route's URL is set, before the HTTP client
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 150;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (url == null || !"lb".equals(url.getScheme())) {
            return chain.filter(exchange);
        }
        Instances instances = services.get(url.getHost());
        if (instances == null) {
            throw new IllegalStateException("no instances for " + url.getHost());
        }
        URI instance = instances.next();
        URI target = UriComponentsBuilder.fromUri(url).scheme(instance.getScheme()).host(instance.getHost())
                .port(instance.getPort()).build(true).toUri();
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
        return chain.filter(exchange);
    }

    private static final class Instances {

        private final List<URI> uris;
        private final AtomicInteger next = new AtomicInteger();

        Instances(List<URI> uris) {
            this.uris = List.copyOf(uris);
        }

        URI next() {
            return uris.get(Math.floorMod(next.getAndIncrement(), uris.size()));
        }
    }
}
