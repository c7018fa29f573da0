package io.lambda.ingest.kafka;

/** A topic state as the initializer leaves it after a successful check, for tests of other packages. */
public final class ReadyTopic {

    private ReadyTopic() {
    }

    public static EventTopicState state() {
        EventTopicState state = new EventTopicState();
        state.update(new TopicStatus.Ready(1));
        return state;
    }
}
