package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import io.lambda.ingest.kafka.ClosedPort;
import io.lambda.test.ActuatorProbe;
import io.lambda.test.LambdaStack;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Ingest pointed at a port where no broker listens: it starts, says so in health, and answers 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "lambda.ingest.produce-timeout=1s", "lambda.ingest.retry-after=7s"})
class BrokerUnavailableIntegrationTests {

    private static final String REDIS_PREFIX = LambdaStack.get().newKeyPrefix();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws IOException {
        IngestTestProperties.register(registry, IngestTestProperties.newTopicName(), REDIS_PREFIX);
        String closed = "127.0.0.1:" + ClosedPort.find();
        registry.add("spring.kafka.bootstrap-servers", () -> closed);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    IngestHttp http;
    String prefix;

    @BeforeEach
    void setUp() {
        http = new IngestHttp(port);
        prefix = TestEvents.uniquePrefix();
    }

    @Test
    void shouldAnswer503WithRetryAfterAndReportNothingAccepted() {
        IngestHttp.Response response = http.postJson(TestEvents.array(TestEvents.ids(prefix, 0, 3)));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfter()).isEqualTo("7");
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.problemType()).isEqualTo("urn:problem:lambda:log-unavailable");
        assertThat(response.json().path("detail").asString())
                .startsWith("No event of this request was accepted: the event log is not reachable")
                .endsWith("Retrying the same request is safe.");
        assertThat(response.json().has("accepted")).isFalse();
    }

    @Test
    void shouldNotRememberTheIdsOfARefusedRequestSoThatItsRetryIsWritten() {
        List<String> ids = TestEvents.ids(prefix, 0, 3);

        http.postJson(TestEvents.array(ids));

        RedisClient client = RedisClient.create(LambdaStack.get().redis().uri().toString());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().keys(REDIS_PREFIX + "ingested:*")).isEmpty();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void shouldStillAnswerInvalidRequestsWithoutTheBroker() {
        IngestHttp.Response response = http.postJson("[{\"id\":\"" + prefix + "a\"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("urn:problem:lambda:no-valid-events");
    }

    @Test
    void shouldReportKafkaDownInHealth() {
        var health = ActuatorProbe.get(managementPort, "health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"", "\"kafka\":{", "broker not reachable");
    }
}
