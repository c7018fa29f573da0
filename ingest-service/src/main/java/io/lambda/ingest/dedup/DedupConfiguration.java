package io.lambda.ingest.dedup;

import io.lambda.core.serving.ServingProperties;
import io.lambda.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Recent ids in Redis, on Spring Boot's Lettuce client with dedup's own timeout. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServingProperties.class)
public class DedupConfiguration {

    @Bean
    RecentIds recentIds(RedisConnectionFactory connectionFactory, ServingProperties serving, IngestProperties ingest,
            MeterRegistry registry) {
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
