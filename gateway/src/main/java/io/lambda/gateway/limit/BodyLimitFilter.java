package io.lambda.gateway.limit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lambda.gateway.GatewayProperties;
import io.lambda.gateway.auth.ApiKeyFilter;
import io.lambda.gateway.problem.ProblemType;
import io.lambda.gateway.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over {@code max-body-size} with 413, so that a service never receives one:
 * <ul>
 * <li>a declared {@code Content-Length} over the limit is refused before any byte of the body is read;</li>
 * <li>a body within its declared {@code Content-Length} is streamed: HTTP/1.1 framing ends it there;</li>
 * <li>a body without {@code Content-Length} (chunked) is read here up to the limit, and forwarded with its length
 * only when it ended within the limit. Streaming it instead would have sent part of an oversize body (perhaps a
 * valid NDJSON prefix) before its size was known. This costs up to the limit in memory per such request.</li>
 * </ul>
 */
@Component
class BodyLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BodyLimitFilter.class);

    private final int maxBytes;

    BodyLimitFilter(GatewayProperties properties) {
        this.maxBytes = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    @Override
    public int getOrder() {
        return ApiKeyFilter.ORDER + 200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange, "declared");
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(body -> forward(exchange, chain, body.orElse(null)))
                // the chain after this filter maps its own failures (UpstreamFailureFilter), so this is the read's
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, "streamed"));
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, @Nullable DataBuffer body) {
        int length = body == null ? 0 : body.readableByteCount();
        AtomicBoolean sent = new AtomicBoolean();
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest().mutate()
                .headers(h -> {
                    h.remove(HttpHeaders.TRANSFER_ENCODING);
                    h.setContentLength(length);
                }).build()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body == null ? Flux.empty() : Flux.defer(() -> {
                    sent.set(true);
                    return Flux.just(body);
                });
            }
        };
        return chain.filter(exchange.mutate().request(request).build()).doFinally(signal -> {
            if (body != null && !sent.get()) {
                DataBufferUtils.release(body);
            }
        });
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, String how) {
        log.debug("Rejected request reason=body-too-large how={} maxBytes={}", how, maxBytes);
        return Problems.write(exchange, ProblemType.BODY_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes");
    }
}
