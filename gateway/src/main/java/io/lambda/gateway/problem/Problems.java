package io.lambda.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the gateway's own RFC 9457 problem responses. The body is built from the type and the detail only (no
 * request path, no request id), so equal problems have byte-identical bodies: a 401 says nothing about why.
 */
public final class Problems {

    /** Exchange attribute holding the {@link ProblemType} the gateway answered with, for the metrics. */
    public static final String PROBLEM_ATTR = Problems.class.getName() + ".problem";

    private Problems() {
    }

    /** Answers {@code type} with {@code detail}, unless the response is already committed. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
        return write(exchange, type, detail, null);
    }

    /** Answers {@code type} with {@code detail} and a {@code Retry-After} of whole seconds (rounded up, at least 1). */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail,
            @Nullable Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        exchange.getAttributes().put(PROBLEM_ATTR, type);
        byte[] body = body(type, detail);
        response.setStatusCode(type.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        headers.setCacheControl("no-store");
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** Whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration retryAfter) {
        long millis = Math.max(1, retryAfter.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    static byte[] body(ProblemType type, String detail) {
        String json = "{\"type\":\"" + type.uri() + "\",\"title\":" + quote(type.title()) + ",\"status\":"
                + type.status().value() + ",\"detail\":" + quote(detail) + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
