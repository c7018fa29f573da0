package io.lambda.ingest.dedup;

import io.lambda.core.serving.ServingProperties;
import io.lambda.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Recent ids in Redis, on Spring Boot's Lettuce client with dedup's own timeout ({@code lambda.ingest.dedup-enabled},
 * default true), or none at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServingProperties.class)
public class DedupConfiguration {

    private static final String ENABLED = "lambda.ingest.dedup-enabled";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
    static class RedisDedup {

        @Bean
        RecentIds recentIds(RedisConnectionFactory connectionFactory, ServingProperties serving,
                IngestProperties ingest, MeterRegistry registry) {
            if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
                throw new IllegalStateException("ingest dedup needs the Lettuce Redis client, found "
                        + connectionFactory.getClass().getName());
            }
            return new RecentIds(lettuce::getRequiredNativeClient, serving.keys(), ingest.dedupWindow(),
                    ingest.dedupTimeout(), registry);
        }

        @Bean
        DedupHealthIndicator dedupHealthIndicator(RecentIds recentIds) {
            return new DedupHealthIndicator(recentIds);
        }
    }

    @Bean
    @ConditionalOnBooleanProperty(name = ENABLED, havingValue = false)
    AcceptedIds noDedup() {
        return AcceptedIds.NONE;
    }
}
