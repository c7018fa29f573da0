package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Testcontainers path against a real Docker engine: each container answers as the embedded one does. Skipped,
 * with the reason logged and in the report, where no Docker engine is reachable (as on the development machines).
 */
@EnabledIf(value = "dockerReachable", disabledReason = "no Docker engine is reachable: Testcontainers found none")
class TestcontainersInfrastructureIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(TestcontainersInfrastructureIntegrationTests.class);

    private static TestcontainersInfrastructure infrastructure;

    static boolean dockerReachable() {
        boolean available = TestcontainersInfrastructure.dockerAvailable();
        if (!available) {
            log.warn("Skipping the Testcontainers infrastructure tests: no Docker engine is reachable (DOCKER_HOST,"
                    + " /var/run/docker.sock); the embedded infrastructure is what runs here");
        }
        return available;
    }

    @BeforeAll
    static void startContainers() {
        infrastructure = TestcontainersInfrastructure.start();
    }

    @AfterAll
    static void stopContainers() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void shouldStampRecordsWithLogAppendTimeOnATopicCreatedSo() throws Exception {
        String topic = "tc-events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get(60, TimeUnit.SECONDS);
        }
        Map<String, Object> producerSettings = Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "acks", "all");
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings, new StringSerializer(),
                new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, 0, 1L, "id-1", "event")).get(60, TimeUnit.SECONDS);
        }

        Map<String, Object> consumerSettings = Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "group.id", "tc-test", "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(30));

            assertThat(records.count()).isEqualTo(1);
            ConsumerRecord<String, String> record = records.iterator().next();
            assertThat(record.key()).isEqualTo("id-1");
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(record.timestamp()).isEqualTo(sent.timestamp()).isGreaterThan(1L);
        }
    }

    @Test
    void shouldAnswerRedisCommands() {
        RedisClient client = RedisClient.create(infrastructure.redis().uri().toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("tc:key", "value");

            assertThat(connection.sync().get("tc:key")).isEqualTo("value");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void shouldStoreObjectsInTheMinioBucket() {
        ObjectStoreProperties bucket = infrastructure.s3().properties("tc-bucket");
        try (ObjectStore store = ObjectStore.create(bucket)) {
            store.ensureBucket();
            store.put("events/v1/file.avro", new byte[] {1, 2, 3});

            assertThat(store.get("events/v1/file.avro")).hasValueSatisfying(
                    bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        }
    }

    @Test
    void shouldOpenTheJobRepositoryDatabase() throws SQLException {
        PostgresEndpoint postgres = infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("lambda_batch");
        }
    }
}
