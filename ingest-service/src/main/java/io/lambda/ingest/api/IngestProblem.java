package io.lambda.ingest.api;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request refused with one of the {@link ProblemType}s; Spring MVC writes it as {@code application/problem+json}. */
public final class IngestProblem extends ErrorResponseException {

    private final ProblemType type;

    public IngestProblem(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public IngestProblem(ProblemType type, String detail, @Nullable Throwable cause) {
        super(type.status(), problem(type, detail), cause);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** Adds a member to the problem body, e.g. the per-event {@code errors}. */
    public IngestProblem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public IngestProblem header(String name, String value) {
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
