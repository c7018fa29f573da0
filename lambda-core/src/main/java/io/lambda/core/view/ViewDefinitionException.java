package io.lambda.core.view;

import java.util.List;

/**
 * One or more view definitions are invalid. {@link #errors()} lists every problem found, each naming the
 * view and the field, e.g. {@code view 'pageviews': metric 'visitors' has unknown kind 'distinkt'}.
 */
public class ViewDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ViewDefinitionException(List<String> errors) {
        this("invalid view definitions", errors);
    }

    /**
     * @param context what was being read, e.g. {@code invalid view definitions in classpath:views.yml}
     */
    public ViewDefinitionException(String context, List<String> errors) {
        super(context + " (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):\n  - "
                + String.join("\n  - ", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ViewDefinitionException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in the order found. */
    public List<String> errors() {
        return errors;
    }
}
