package io.lambda.query.api;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A query refused with one of the {@link ProblemType}s; Spring MVC writes it as {@code application/problem+json}. */
public final class QueryProblem extends ErrorResponseException {

    private final ProblemType type;

    public QueryProblem(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public QueryProblem(ProblemType type, String detail, @Nullable Throwable cause) {
        super(type.status(), problem(type, detail), cause);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** Adds a member to the problem body, e.g. {@code parameter} or {@code valid}. */
    public QueryProblem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public QueryProblem header(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    static QueryProblem invalidParameter(String parameter, String detail) {
        return new QueryProblem(ProblemType.INVALID_PARAMETER, detail).with("parameter", parameter);
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
