package io.lambda.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lambda.core.kafka.EventTopicProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin-client calls ingest makes on the event topic and the cluster, each bounded by one timeout: create the
 * topic when missing (with {@code LogAppendTime}), check an existing one, and describe the cluster for health.
 */
public final class EventTopicAdmin implements AutoCloseable {

    static final String LOG_APPEND_TIME = "LogAppendTime";

    private static final Logger log = LoggerFactory.getLogger(EventTopicAdmin.class);

    private final Admin admin;
    private final EventTopicProperties topic;
    private final Duration timeout;

    public EventTopicAdmin(Map<String, Object> adminSettings, EventTopicProperties topic, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(adminSettings);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        this.admin = Admin.create(settings);
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The topic's name. */
    public String topicName() {
        return topic.name();
    }

    /**
     * Creates the topic when it is missing, then checks it.
     *
     * @return {@link TopicStatus.Pending} when the broker could not be reached in time
     */
    public TopicStatus ensureTopic() {
        try {
            TopicDescription description = describeOrNull();
            if (description == null && create()) {
                return new TopicStatus.Ready(topic.partitions());
            }
            if (description == null) { // another instance created it meanwhile: check what it created
                description = describeOrNull();
                if (description == null) {
                    return new TopicStatus.Pending("topic " + topic.name() + " exists but is not described yet", false);
                }
            }
            return check(description);
        } catch (TimeoutException e) {
            return new TopicStatus.Pending("broker not reachable within " + timeout.toMillis() + " ms", true);
        } catch (ExecutionException e) {
            boolean unreachable = e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
            return new TopicStatus.Pending(String.valueOf(e.getCause()), unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TopicStatus.Pending("interrupted", false);
        }
    }

    /** The cluster id and broker count, within {@code timeout}. */
    public ClusterView describeCluster(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        long deadline = System.nanoTime() + timeout.toNanos();
        String clusterId = cluster.clusterId().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        int nodes = cluster.nodes().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).size();
        return new ClusterView(clusterId, nodes);
    }

    private TopicStatus check(TopicDescription description)
            throws TimeoutException, ExecutionException, InterruptedException {
        String timestampType = timestampType();
        if (!LOG_APPEND_TIME.equals(timestampType)) {
            return new TopicStatus.Misconfigured("topic " + topic.name() + " has "
                    + TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG + "=" + timestampType + ", ingest needs "
                    + LOG_APPEND_TIME + " (the ingest time of every event); change it with kafka-configs --alter "
                    + "--entity-type topics --entity-name " + topic.name() + " --add-config "
                    + TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG + "=" + LOG_APPEND_TIME);
        }
        int partitions = description.partitions().size();
        if (partitions != topic.partitions()) {
            log.warn("Event topic {} has {} partitions, lambda.events.partitions says {}; using the topic as it is",
                    topic.name(), partitions, topic.partitions());
        }
        return new TopicStatus.Ready(partitions);
    }

    /** Creates the topic; false when it exists already. */
    private boolean create() throws TimeoutException, ExecutionException, InterruptedException {
        NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor())
                .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
        log.info("Created event topic {} with {} partitions, replication {}, {}={}", topic.name(),
                topic.partitions(), topic.replicationFactor(), TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                LOG_APPEND_TIME);
        return true;
    }

    private @Nullable TopicDescription describeOrNull()
            throws TimeoutException, ExecutionException, InterruptedException {
        try {
            return admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic.name());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private String timestampType() throws TimeoutException, ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry entry = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
        return entry == null || entry.value() == null ? "CreateTime" : entry.value();
    }

    @Override
    public void close() {
        admin.close(timeout);
    }

    /** What a health check reports about the cluster. */
    public record ClusterView(String clusterId, int nodes) {
    }
}
