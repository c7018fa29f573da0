package io.lambda.gateway.auth;

import java.util.Locale;

/** What an API key may do; each route needs one role. */
public enum Role {

    /** {@code POST /api/v1/events}. */
    INGEST,
    /** Views and status. */
    QUERY,
    /** Batch runs. */
    ADMIN;

    /** The route metadata entry naming the role a route needs. */
    public static final String ROUTE_METADATA = "lambda.role";

    /** {@code ingest}, {@code query} or {@code admin}, as in the configuration and the problem details. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
