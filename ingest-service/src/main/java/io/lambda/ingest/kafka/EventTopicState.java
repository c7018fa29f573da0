package io.lambda.ingest.kafka;

/** The last known {@link TopicStatus} of the event topic, shared by the initializer, the publisher and health. */
public final class EventTopicState {

    private volatile TopicStatus status = new TopicStatus.Pending("startup", false);

    public TopicStatus status() {
        return status;
    }

    void update(TopicStatus status) {
        this.status = status;
    }
}
