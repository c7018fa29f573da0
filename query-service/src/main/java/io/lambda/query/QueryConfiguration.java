package io.lambda.query;

import java.time.Clock;

import io.lambda.core.config.SketchProperties;
import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.serving.ServingProperties;
import io.lambda.core.time.SlotProperties;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewsProperties;
import io.lambda.query.merge.PlatformStatus;
import io.lambda.query.merge.QueryEngine;
import io.lambda.query.merge.ViewVersions;
import io.lambda.query.store.BatchRuns;
import io.lambda.query.store.EventLog;
import io.lambda.query.store.RedisReads;
import io.lambda.query.store.ServingStore;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** The query service's parts: Redis and Kafka reads, the version choice, the query engine and the status. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServingProperties.class, SlotProperties.class, EventTopicProperties.class,
        ViewsProperties.class, SketchProperties.class})
class QueryConfiguration {

    @Bean
    ServingKeys servingKeys(ServingProperties serving) {
        return serving.keys();
    }

    @Bean(destroyMethod = "close")
    RedisReads redisReads(RedisConnectionFactory connectionFactory, ServingKeys keys, SlotProperties slots,
            QueryProperties query) {
        if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalStateException("the query service needs the Lettuce Redis client, found "
                    + connectionFactory.getClass().getName());
        }
        return new RedisReads(lettuce::getRequiredNativeClient, keys, slots.slots(), query.redisTimeout());
    }

    @Bean
    ApplicationRunner verifySlotLength(RedisReads redis) {
        return arguments -> redis.connectAtStart();
    }

    @Bean(destroyMethod = "close")
    EventLog eventLog(KafkaAdmin kafkaAdmin, EventTopicProperties topic, QueryProperties query) {
        return new EventLog(kafkaAdmin.getConfigurationProperties(), topic.name(), query.kafkaTimeout());
    }

    @Bean
    ServingStore servingStore(RedisReads redis, ServingKeys keys) {
        return new ServingStore(redis, keys);
    }

    @Bean
    ViewVersions viewVersions(ViewsProperties views, ServingStore store, SketchProperties sketches) {
        return new ViewVersions(ViewCatalogLoader.load(views), store, sketches.settings());
    }

    @Bean
    QueryEngine queryEngine(ViewVersions versions, ServingStore store, RedisReads redis, EventLog log,
            QueryProperties query) {
        return new QueryEngine(versions, store, redis, log, query.speedMargin(), query.maxBuckets(),
                Clock.systemUTC());
    }

    @Bean
    BatchRuns batchRuns(QueryProperties query) {
        return new BatchRuns(query.batchUrl(), query.batchTimeout());
    }

    @Bean
    PlatformStatus platformStatus(ViewVersions versions, ServingStore store, RedisReads redis, EventLog log,
            BatchRuns batch) {
        return new PlatformStatus(versions, store, redis, log, batch, Clock.systemUTC());
    }
}
