package io.lambda.batch.job;

import java.util.Objects;

import org.apache.kafka.clients.admin.TopicDescription;
import org.springframework.kafka.core.KafkaAdmin;

import io.lambda.core.kafka.EventTopicProperties;

/** The event topic's real partition count, read from Kafka metadata (never from a property). */
public class EventTopicPartitions {

    private final KafkaAdmin admin;
    private final String topic;

    public EventTopicPartitions(KafkaAdmin admin, EventTopicProperties topic) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.topic = topic.name();
    }

    /**
     * The partition count.
     *
     * @throws IllegalStateException when the topic does not exist or the cluster does not answer
     */
    public int count() {
        TopicDescription description = admin.describeTopics(topic).get(topic);
        if (description == null) {
            throw new IllegalStateException("event topic " + topic + " not found");
        }
        return description.partitions().size();
    }

    public String topic() {
        return topic;
    }
}
