package io.lambda.ingest.api;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.lambda.core.event.BodyTooLargeException;
import io.lambda.core.event.MalformedBodyException;
import io.lambda.core.event.TooManyEventsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of {@link EventController} as an RFC 9457 problem: ingest's own {@link ProblemType}s, Spring MVC's
 * own problems (406, ...) unchanged, anything unexpected as a 500 problem (logged).
 */
@RestControllerAdvice(assignableTypes = EventController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception failure) {
        ErrorResponse response = problem(failure);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
    }

    private static ErrorResponse problem(Exception failure) {
        if (failure instanceof ErrorResponse response) {
            return response;
        }
        if (failure instanceof MalformedBodyException) {
            return new IngestProblem(ProblemType.MALFORMED_BODY, failure.getMessage());
        }
        if (failure instanceof TooManyEventsException tooMany) {
            return new IngestProblem(ProblemType.TOO_MANY_EVENTS, tooMany.getMessage())
                    .with("maxEvents", tooMany.maxEvents());
        }
        if (failure instanceof BodyTooLargeException tooLarge) {
            return new IngestProblem(ProblemType.BODY_TOO_LARGE, tooLarge.getMessage())
                    .with("maxBytes", tooLarge.maxBytes());
        }
        if (failure instanceof UncheckedIOException || failure instanceof IOException) {
            // the client's stream broke off or was not valid HTTP framing (e.g. a bad chunk)
            Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
            log.debug("Ingest request body could not be read", cause);
            return new IngestProblem(ProblemType.MALFORMED_BODY, "body could not be read: " + cause.getMessage());
        }
        log.error("Ingest request failed unexpectedly", failure);
        return new IngestProblem(ProblemType.INTERNAL_ERROR, "the request failed unexpectedly; it is logged");
    }
}
