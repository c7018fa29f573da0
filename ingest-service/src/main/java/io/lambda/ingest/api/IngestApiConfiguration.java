package io.lambda.ingest.api;

import io.lambda.core.event.EventReader;
import io.lambda.ingest.IngestProperties;
import io.lambda.ingest.dedup.AcceptedIds;
import io.lambda.ingest.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reader with the configured limits and rules, the per-request flow and its metrics. */
@Configuration(proxyBeanMethods = false)
public class IngestApiConfiguration {

    @Bean
    EventReader eventReader(IngestProperties properties) {
        return new EventReader(properties.eventRules(), properties.bodyLimits());
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    EventIngestor eventIngestor(AcceptedIds acceptedIds, EventPublisher publisher, IngestMetrics metrics,
            IngestProperties properties) {
        return new EventIngestor(acceptedIds, publisher, metrics, properties);
    }
}
