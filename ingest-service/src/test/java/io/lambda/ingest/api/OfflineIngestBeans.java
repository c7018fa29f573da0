package io.lambda.ingest.api;

import java.time.Duration;

import io.lambda.core.serving.ServingKeys;
import io.lambda.ingest.IngestProperties;
import io.lambda.ingest.dedup.RecentIds;
import io.lambda.ingest.kafka.EventPublisher;
import io.lambda.ingest.kafka.EventTopicState;
import io.lambda.ingest.kafka.ReadyTopic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The real request flow for slice tests, without infrastructure: the publisher writes to a {@link MockProducer}
 * that acknowledges at once, and dedup has no Redis (every id counts as unseen, as when Redis is down).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@Import(IngestApiConfiguration.class)
class OfflineIngestBeans {

    static final String TOPIC = "events";

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    MockProducer<String, byte[]> mockProducer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    EventTopicState eventTopicState() {
        return ReadyTopic.state();
    }

    @Bean
    EventPublisher eventPublisher(MockProducer<String, byte[]> producer, EventTopicState state,
            MeterRegistry registry) {
        return new EventPublisher(producer, TOPIC, state, Duration.ofSeconds(5), registry);
    }

    @Bean
    RecentIds recentIds(MeterRegistry registry) {
        return new RecentIds(() -> {
            throw new IllegalStateException("no Redis in slice tests");
        }, new ServingKeys("slice:"), Duration.ofHours(24), Duration.ofMillis(100), registry);
    }
}
