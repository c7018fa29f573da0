package io.lambda.query.api;

import io.lambda.query.QueryProperties;
import io.lambda.query.merge.InvalidQueryException;
import io.lambda.query.store.LogUnavailableException;
import io.lambda.query.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the query API as an RFC 9457 problem: the query's own {@link ProblemType}s, Spring MVC's problems
 * unchanged, anything unexpected as a 500 problem (logged). An unreachable store is a 503 with {@code Retry-After},
 * never a partial answer.
 */
@RestControllerAdvice(assignableTypes = {ViewController.class, StatusController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryExceptionHandler.class);

    private final long retryAfterSeconds;

    QueryExceptionHandler(QueryProperties properties) {
        this.retryAfterSeconds = properties.retryAfterSeconds();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception failure) {
        ErrorResponse response = problem(failure);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
    }

    private ErrorResponse problem(Exception failure) {
        if (failure instanceof ErrorResponse response) {
            return response;
        }
        if (failure instanceof InvalidQueryException invalid) {
            return invalid(invalid);
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            log.warn("Query refused, Redis unavailable: {}", unavailable.getMessage());
            return new QueryProblem(ProblemType.STORE_UNAVAILABLE, unavailable.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        if (failure instanceof LogUnavailableException unavailable) {
            log.warn("Query refused, Kafka unavailable: {}", unavailable.getMessage());
            return new QueryProblem(ProblemType.LOG_UNAVAILABLE, unavailable.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        log.error("Query failed unexpectedly", failure);
        return new QueryProblem(ProblemType.INTERNAL_ERROR, "the query failed unexpectedly; it is logged");
    }

    private static QueryProblem invalid(InvalidQueryException invalid) {
        ProblemType type = switch (invalid.reason()) {
            case UNKNOWN_VIEW -> ProblemType.UNKNOWN_VIEW;
            case UNKNOWN_METRIC -> ProblemType.UNKNOWN_METRIC;
            case UNKNOWN_DIMENSION -> ProblemType.UNKNOWN_DIMENSION;
            case UNKNOWN_GRANULARITY -> ProblemType.UNKNOWN_GRANULARITY;
            case INVALID_PARAMETER -> ProblemType.INVALID_PARAMETER;
            case TOO_MANY_BUCKETS -> ProblemType.TOO_MANY_BUCKETS;
        };
        QueryProblem problem = new QueryProblem(type, invalid.getMessage());
        if (invalid.parameter() != null) {
            problem.with("parameter", invalid.parameter());
        }
        if (!invalid.valid().isEmpty()) {
            problem.with("valid", invalid.valid());
        }
        return problem;
    }
}
