package io.lambda.test;

import java.util.Objects;

/**
 * A PostgreSQL database and the credentials it accepts, e.g. for a Spring Batch job repository
 * ({@code spring.datasource.url/username/password}).
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/database}
 * @param username user name
 * @param password password
 */
public record PostgresEndpoint(String jdbcUrl, String username, String password) {

    public PostgresEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
}
