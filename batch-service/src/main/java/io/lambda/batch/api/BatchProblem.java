package io.lambda.batch.api;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request refused with one of the {@link ProblemType}s; Spring MVC writes it as {@code application/problem+json}. */
final class BatchProblem extends ErrorResponseException {

    BatchProblem(ProblemType type, String detail) {
        super(type.status(), problem(type, detail), null);
    }

    /** Adds a member to the problem body. */
    BatchProblem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    BatchProblem header(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
