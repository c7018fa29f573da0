package io.lambda.ingest.kafka;

import java.time.Duration;
import java.util.Map;

import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event topic's producer, admin, startup check and health. The beans are of ingest's own types, so another
 * Kafka client in the same application (the archiver's consumer) is configured independently.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventTopicProperties.class)
public class EventKafkaConfiguration {

    /** Health probes are often given a second or two; never wait longer than that for the broker there. */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    EventTopicState eventTopicState() {
        return new EventTopicState();
    }

    @Bean
    EventTopicAdmin eventTopicAdmin(KafkaAdmin kafkaAdmin, EventTopicProperties topic, IngestProperties ingest) {
        return new EventTopicAdmin(kafkaAdmin.getConfigurationProperties(), topic, ingest.produceTimeout());
    }

    @Bean
    EventTopicInitializer eventTopicInitializer(EventTopicAdmin admin, EventTopicState state) {
        return new EventTopicInitializer(admin, state);
    }

    @Bean
    EventPublisher eventPublisher(KafkaProperties kafka, KafkaConnectionDetails connection, EventTopicProperties topic,
            EventTopicState state, IngestProperties ingest, MeterRegistry registry) {
        Map<String, Object> base = kafka.buildProducerProperties();
        base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
        Map<String, Object> settings = EventProducerSettings.of(base, ingest.produceTimeout());
        return new EventPublisher(new KafkaProducer<>(settings), topic.name(), state, ingest.produceTimeout(), registry);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(EventTopicAdmin admin, EventTopicState state, IngestProperties ingest) {
        Duration timeout = ingest.produceTimeout().compareTo(HEALTH_TIMEOUT) < 0 ? ingest.produceTimeout() : HEALTH_TIMEOUT;
        return new KafkaHealthIndicator(admin, state, timeout);
    }
}
