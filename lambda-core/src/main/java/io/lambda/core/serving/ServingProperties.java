package io.lambda.core.serving;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The serving store's global key prefix shared by every service: {@code lambda.serving.prefix} (default
 * {@code lambda:}). Binding fails with {@link ServingKeys}'s message when the prefix is not allowed.
 *
 * @param prefix the prefix of every Redis key the platform writes
 */
@ConfigurationProperties("lambda.serving")
public record ServingProperties(@DefaultValue("lambda:") String prefix) {

    public ServingProperties {
        new ServingKeys(prefix);
    }

    /** The key layout with the configured prefix. */
    public ServingKeys keys() {
        return new ServingKeys(prefix);
    }
}
