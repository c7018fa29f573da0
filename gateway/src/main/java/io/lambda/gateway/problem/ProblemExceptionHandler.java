package io.lambda.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last resort, ahead of Spring Boot's error page: an error no filter answered becomes a problem too (404 for
 * "nothing handles this", 500 otherwise, logged).
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return Problems.write(exchange, ProblemType.NOT_FOUND, "There is no resource at this path");
        }
        log.error("Unexpected error {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), error);
        return Problems.write(exchange, ProblemType.INTERNAL_ERROR, "The gateway failed to handle the request");
    }
}
