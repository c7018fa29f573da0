package io.lambda.gateway.auth;

import java.util.Objects;
import java.util.Set;

import io.lambda.gateway.GatewayProperties.RateLimit;
import org.jspecify.annotations.Nullable;

/**
 * A configured API key, as the gateway knows it after authenticating a request.
 *
 * @param id the first 12 hex digits of the key's SHA-256: names the key in metrics, logs and rate-limit buckets
 * @param roles what the key may do
 * @param rateLimit the key's own rate limit, or null for its role's
 */
public record ApiKey(String id, Set<Role> roles, @Nullable RateLimit rateLimit) {

    /** Exchange attribute holding the authenticated {@link ApiKey}. */
    public static final String ATTRIBUTE = ApiKey.class.getName();

    public ApiKey {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
    }
}
