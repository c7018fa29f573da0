package io.lambda.ingest.kafka;

import java.util.Objects;

/** What ingest knows about the event topic: not yet checked, usable, or set up so that it must not be written. */
public sealed interface TopicStatus {

    /** A short text for logs, health details and problem details. */
    String describe();

    /**
     * Not checked yet; checked again in the background.
     *
     * @param unreachable whether the broker did not answer at all (then nothing can be written either)
     */
    record Pending(String reason, boolean unreachable) implements TopicStatus {
        public Pending {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "not checked yet: " + reason;
        }
    }

    /** The topic exists with {@code message.timestamp.type=LogAppendTime}. */
    record Ready(int partitions) implements TopicStatus {
        @Override
        public String describe() {
            return "ready, " + partitions + " partitions";
        }
    }

    /** The topic exists with settings ingest must not write to (e.g. {@code CreateTime} timestamps). */
    record Misconfigured(String reason) implements TopicStatus {
        public Misconfigured {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "misconfigured: " + reason;
        }
    }
}
