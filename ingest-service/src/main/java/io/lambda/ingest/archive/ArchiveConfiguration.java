package io.lambda.ingest.archive;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.TopicBuilder;

import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.core.serving.ServingProperties;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.core.time.SlotProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The archive role, present only with {@code lambda.archive.enabled=true}: an instance of ingest-service can serve
 * HTTP ingestion, archive, or both.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("lambda.archive.enabled")
@EnableConfigurationProperties({ObjectStoreProperties.class, SlotProperties.class, EventTopicProperties.class,
        ServingProperties.class})
class ArchiveConfiguration {

    @Bean(destroyMethod = "close")
    ObjectStore archiveObjectStore(ObjectStoreProperties properties) {
        return ObjectStore.create(properties);
    }

    /** Created at startup by Spring Kafka's admin when missing, with the event topic's partitions. */
    @Bean
    NewTopic archiveDeadLetterTopic(EventTopicProperties topic) {
        return TopicBuilder.name(DeadLetters.topicOf(topic.name())).partitions(topic.partitions())
                .replicas(topic.replicationFactor()).build();
    }

    @Bean
    ArchiveWatermarkStore archiveWatermarkStore(StringRedisTemplate redis, ServingProperties serving) {
        return new ArchiveWatermarkStore(redis, serving.keys());
    }

    @Bean
    ArchiveMetrics archiveMetrics(MeterRegistry registry) {
        return new ArchiveMetrics(registry, Clock.systemUTC());
    }

    @Bean
    ArchiverFactory archiverFactory(ArchiveProperties archive, EventTopicProperties topic, SlotProperties slot,
            KafkaProperties kafka, ObjectStore archiveObjectStore, ArchiveWatermarkStore watermarks,
            ArchiveMetrics metrics) {
        ArchiverSettings settings = new ArchiverSettings(archive, topic.name(), slot.slots(),
                kafka.buildConsumerProperties(), kafka.buildProducerProperties());
        return new ArchiverFactory(settings, archiveObjectStore, watermarks, metrics,
                ArchiveCommitHook.NONE, Clock.systemUTC());
    }

    @Bean
    ArchiverRunner archiverRunner(ArchiverFactory factory, ArchiveProperties archive) {
        return new ArchiverRunner(factory, archive.restartBackoff());
    }
}
