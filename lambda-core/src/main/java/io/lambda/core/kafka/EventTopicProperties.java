package io.lambda.core.kafka;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka topic every event is written to (DESIGN.md section 4), shared by ingest, the archiver,
 * the speed layer and the batch layer.
 *
 * @param name topic name
 * @param partitions partition count used when the topic is created; also the upper bound of speed
 *     and archiver parallelism and the batch layer's partition count
 * @param replicationFactor replication factor used when the topic is created
 */
@ConfigurationProperties("lambda.events")
public record EventTopicProperties(
        @DefaultValue("lambda.events") String name,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor) {

    public EventTopicProperties {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("lambda.events.name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("lambda.events.partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("lambda.events.replication-factor must be at least 1, got " + replicationFactor);
        }
    }

    /** The defaults: {@code lambda.events}, 6 partitions, replication 1. */
    public static EventTopicProperties defaults() {
        return new EventTopicProperties("lambda.events", 6, (short) 1);
    }
}
