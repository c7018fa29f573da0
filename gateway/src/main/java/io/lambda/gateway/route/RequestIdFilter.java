package io.lambda.gateway.route;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request a correlation id, {@code X-Request-Id}: the client's when it is well formed ({@code
 * [A-Za-z0-9._-]{1,64}}), otherwise a new UUID. The id goes to the service, back to the client on every answer
 * (the gateway's own problems included), and into the MDC ({@value #MDC_KEY}) of the gateway's log lines for the
 * request through the Reactor context.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** MDC key, and the Reactor context key that carries the id to it. */
    public static final String MDC_KEY = "requestId";
    /** Exchange attribute holding the request's id. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName();

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ApplicationContext context;

    public RequestIdFilter(ApplicationContext context) {
        this.context = context;
        // with spring.reactor.context-propagation=auto, Reactor restores the MDC entry from the context on every
        // thread that works on the request (event loop, Redis client, HTTP client)
        ContextRegistry.getInstance().registerThreadLocalAccessor(MDC_KEY, () -> MDC.get(MDC_KEY),
                value -> MDC.put(MDC_KEY, value), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PublicServer.serves(exchange, context)) {
            return chain.filter(exchange);
        }
        String id = idFor(exchange.getRequest().getHeaders().get(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        MDC.put(MDC_KEY, id);
        try {
            return chain.filter(exchange.mutate().request(request).build()).contextWrite(Context.of(MDC_KEY, id));
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String idFor(@Nullable List<String> given) {
        if (given != null && given.size() == 1 && VALID.matcher(given.get(0)).matches()) {
            return given.get(0);
        }
        return UUID.randomUUID().toString();
    }
}
