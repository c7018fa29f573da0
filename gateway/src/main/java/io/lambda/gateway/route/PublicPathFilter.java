package io.lambda.gateway.route;

import java.util.Locale;

import io.lambda.gateway.problem.ProblemType;
import io.lambda.gateway.problem.Problems;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Only {@code /api/v1} and what is under it is public: any other path (the gateway's actuator, a service's
 * actuator, the root) answers 404 before routing, and so does a path a service could resolve to another one (dot
 * segments, encoded dots, slashes or backslashes, matrix parameters, empty segments).
 */
@Component
class PublicPathFilter implements WebFilter, Ordered {

    static final String PREFIX = "/api/v1";

    private final ApplicationContext context;

    PublicPathFilter(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PublicServer.serves(exchange, context) || isPublic(exchange.getRequest().getURI().getRawPath())) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange, ProblemType.NOT_FOUND, "There is no resource at this path");
    }

    static boolean isPublic(String rawPath) {
        if (!(rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/"))) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || lower.indexOf('\\') >= 0 || lower.indexOf(';') >= 0) {
            return false;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !last)) {
                return false;
            }
        }
        return true;
    }
}
