package io.lambda.gateway.route;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.lambda.gateway.auth.ApiKeyFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Headers a client sent that the services must not see: hop-by-hop headers (including those the client's
 * {@code Connection} header names), forwarding headers (a client could claim any address), and the API key.
 */
@Component
class ClientHeadersFilter implements HttpHeadersFilter {

    private static final Set<String> DROPPED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "forwarded",
            "x-real-ip", "x-client-ip", "true-client-ip", ApiKeyFilter.HEADER.toLowerCase(Locale.ROOT));

    private static final Set<String> NEVER_NAMED = Set.of("content-length", "content-type", "host",
            RequestIdFilter.HEADER.toLowerCase(Locale.ROOT));

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Set<String> named = new HashSet<>();
        for (String value : input.getOrEmpty(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        // a client naming these in Connection must not change the body's framing or lose the correlation id
        named.removeAll(NEVER_NAMED);
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!DROPPED.contains(lower) && !lower.startsWith("x-forwarded-") && !named.contains(lower)) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
