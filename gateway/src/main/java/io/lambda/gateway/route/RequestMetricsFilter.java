package io.lambda.gateway.route;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.TimeUnit;

import io.lambda.gateway.auth.ApiKey;
import io.lambda.gateway.problem.ProblemType;
import io.lambda.gateway.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Meters every request: {@code lambda.gateway.requests} (a timer by {@code route}, {@code status} and {@code key},
 * the key's hashed id or {@code none}) and {@code lambda.gateway.rejections} (by {@code reason}, the problem type's
 * name, and {@code route}) for every problem the gateway answers itself. Logs one DEBUG line per request.
 */
@Component
class RequestMetricsFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestMetricsFilter.class);

    private final MeterRegistry registry;
    private final ApplicationContext context;

    RequestMetricsFilter(MeterRegistry registry, ApplicationContext context) {
        this.registry = registry;
        this.context = context;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PublicServer.serves(exchange, context)) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> record(exchange, signal, System.nanoTime() - started));
    }

    private void record(ServerWebExchange exchange, SignalType signal, long nanos) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? "none" : route.getId();
        ApiKey key = exchange.getAttribute(ApiKey.ATTRIBUTE);
        String keyId = key == null ? "none" : key.id();
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        String status = signal == SignalType.CANCEL ? "cancelled" : code == null ? "200" : Integer.toString(code.value());
        Timer.builder("lambda.gateway.requests")
                .description("Requests through the gateway, by route, status and API key id")
                .tag("route", routeId).tag("status", status).tag("key", keyId)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        ProblemType problem = exchange.getAttribute(Problems.PROBLEM_ATTR);
        if (problem != null) {
            Counter.builder("lambda.gateway.rejections")
                    .description("Requests the gateway answered with a problem itself, by reason")
                    .tag("reason", problem.reason()).tag("route", routeId)
                    .register(registry)
                    .increment();
        }
        if (log.isDebugEnabled()) {
            String requestId = exchange.getAttributeOrDefault(RequestIdFilter.ATTRIBUTE, "");
            try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, requestId)) {
                log.debug("{} {} route={} status={} key={} durationMs={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), routeId, status, keyId, TimeUnit.NANOSECONDS.toMillis(nanos));
            }
        }
    }
}
