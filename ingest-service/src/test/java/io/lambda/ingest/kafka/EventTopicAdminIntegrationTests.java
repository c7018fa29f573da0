package io.lambda.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.ingest.IngestTestProperties;
import io.lambda.test.LambdaStack;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class EventTopicAdminIntegrationTests {

    private final LambdaStack stack = LambdaStack.get();

    @Test
    void shouldCreateAMissingTopicWithLogAppendTimeAndTheConfiguredPartitions() throws Exception {
        String name = IngestTestProperties.newTopicName();

        TopicStatus status;
        try (EventTopicAdmin admin = admin(name, 4, stack.kafkaBootstrapServers())) {
            status = admin.ensureTopic();
        }

        assertThat(status).isEqualTo(new TopicStatus.Ready(4));
        // the broker may learn of the new topic after the controller acknowledged it
        TopicDescription description = Awaitility.await("description of " + name).atMost(Duration.ofSeconds(30))
                .ignoreExceptions().until(() -> stack.admin().describeTopics(List.of(name)).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(name), Objects::nonNull);
        assertThat(description.partitions()).hasSize(4);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config config = stack.admin().describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        assertThat(config.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
    }

    @Test
    void shouldAcceptAnExistingLogAppendTimeTopicAsItIs() {
        String name = stack.createTopic("events", 2, Map.of("message.timestamp.type", "LogAppendTime"));

        try (EventTopicAdmin admin = admin(name, 6, stack.kafkaBootstrapServers())) {
            assertThat(admin.ensureTopic()).isEqualTo(new TopicStatus.Ready(2));
        }
    }

    @Test
    void shouldReportAnExistingCreateTimeTopicAsMisconfiguredWithTheFix() {
        String name = stack.createTopic("events", 1);

        try (EventTopicAdmin admin = admin(name, 1, stack.kafkaBootstrapServers())) {
            TopicStatus status = admin.ensureTopic();

            assertThat(status).isInstanceOf(TopicStatus.Misconfigured.class);
            assertThat(status.describe()).contains("message.timestamp.type=CreateTime",
                    "--add-config message.timestamp.type=LogAppendTime");
        }
    }

    @Test
    void shouldFailStartupForACreateTimeTopic() {
        String name = stack.createTopic("events", 1);
        EventTopicState state = new EventTopicState();

        try (EventTopicAdmin admin = admin(name, 1, stack.kafkaBootstrapServers())) {
            EventTopicInitializer initializer = new EventTopicInitializer(admin, state);

            assertThatIllegalStateException().isThrownBy(initializer::start)
                    .withMessageStartingWith("Refusing to start: topic " + name + " has message.timestamp.type=CreateTime");
            assertThat(initializer.isRunning()).isFalse();
        }
    }

    @Test
    void shouldReportAnUnreachableBrokerAsPendingWithoutFailingStartup() throws Exception {
        EventTopicState state = new EventTopicState();

        try (EventTopicAdmin admin = admin("events", 1, "127.0.0.1:" + ClosedPort.find(), Duration.ofSeconds(1))) {
            EventTopicInitializer initializer = new EventTopicInitializer(admin, state);
            initializer.start();

            assertThat(initializer.isRunning()).isTrue();
            assertThat(state.status()).isInstanceOfSatisfying(TopicStatus.Pending.class,
                    pending -> assertThat(pending.unreachable()).isTrue());
            initializer.stop();
        }
    }

    /** An admin of the stack's broker, patient enough for a loaded machine. */
    private static EventTopicAdmin admin(String topic, int partitions, String bootstrap) {
        return admin(topic, partitions, bootstrap, Duration.ofSeconds(30));
    }

    private static EventTopicAdmin admin(String topic, int partitions, String bootstrap, Duration timeout) {
        return new EventTopicAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new EventTopicProperties(topic, partitions, (short) 1), timeout);
    }
}
