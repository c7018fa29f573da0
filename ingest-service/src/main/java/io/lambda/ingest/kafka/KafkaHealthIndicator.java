package io.lambda.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the event log: UP when the broker answers a cluster description within the timeout and the event
 * topic is ready to be written; DOWN otherwise, with the reason in the details.
 */
public final class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final EventTopicAdmin admin;
    private final EventTopicState topicState;
    private final Duration timeout;

    public KafkaHealthIndicator(EventTopicAdmin admin, EventTopicState topicState, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.topicState = topicState;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        TopicStatus status = topicState.status();
        builder.withDetail("topic", admin.topicName()).withDetail("topicStatus", status.describe());
        try {
            EventTopicAdmin.ClusterView cluster = admin.describeCluster(timeout);
            builder.withDetail("clusterId", cluster.clusterId()).withDetail("nodes", cluster.nodes());
            if (status instanceof TopicStatus.Ready) {
                builder.up();
            } else {
                builder.down();
            }
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "broker not reachable within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            // the admin client's own deadline can expire before ours: the same unreachable broker
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)) {
                throw e;
            }
            builder.down().withDetail("error", "broker not reachable within " + timeout.toMillis() + " ms");
        }
    }
}
