package io.lambda.core.serving;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The serving-store settings every service shares: {@code lambda.serving.key-prefix} (default {@code lambda:}), the
 * global prefix of {@link ServingKeys}. Binding fails with {@link ServingKeys}'s message on a prefix that could break
 * the layout.
 *
 * @param keyPrefix the global Redis key prefix
 */
@ConfigurationProperties("lambda.serving")
public record ServingProperties(@DefaultValue("lambda:") String keyPrefix) {

    public ServingProperties {
        new ServingKeys(keyPrefix);
    }

    /** The key layout under the configured prefix. */
    public ServingKeys keys() {
        return new ServingKeys(keyPrefix);
    }
}
