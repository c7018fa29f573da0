package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import io.lambda.ingest.kafka.ClosedPort;
import io.lambda.test.ActuatorProbe;
import io.lambda.test.LambdaStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Ingest pointed at a port where no Redis listens: everything is still written, and health stays UP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class RedisUnavailableIntegrationTests {

    private static final String TOPIC = IngestTestProperties.newTopicName();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws IOException {
        IngestTestProperties.register(registry, TOPIC, LambdaStack.get().newKeyPrefix());
        int closed = ClosedPort.find();
        registry.add("spring.data.redis.port", () -> closed);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldWriteEveryEventOfEveryRequestWhenRedisIsDown() {
        IngestHttp http = new IngestHttp(port);
        String prefix = TestEvents.uniquePrefix();
        List<String> ids = TestEvents.ids(prefix, 0, 5);

        IngestHttp.Response first = http.postJson(TestEvents.array(ids));
        IngestHttp.Response retry = http.postJson(TestEvents.array(ids));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("accepted").asInt()).isEqualTo(5);
        assertThat(first.json().path("unchecked").asInt()).as("not reported as checked").isEqualTo(5);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("accepted").asInt()).isEqualTo(5);
        assertThat(retry.json().path("duplicates").asInt()).isZero();
        assertThat(retry.json().path("unchecked").asInt()).isEqualTo(5);
        // without Redis a repeated request is written again; the speed and batch layers keep one per id
        assertThat(EventTopicContents.keysStartingWith(TOPIC, prefix)).hasSize(10)
                .containsExactlyInAnyOrderElementsOf(TestEvents.twice(ids));
    }

    @Test
    void shouldStillDetectDuplicatesWithinOneRequest() {
        IngestHttp http = new IngestHttp(port);
        String prefix = TestEvents.uniquePrefix();

        IngestHttp.Response response = http.postJson("[" + TestEvents.event(prefix + "a") + ","
                + TestEvents.event(prefix + "a") + "]");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(response.json().path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void shouldStayUpInHealthAndCountTheRedisFailures() {
        new IngestHttp(port).postJson(TestEvents.event(TestEvents.uniquePrefix() + "a"));

        var health = ActuatorProbe.get(managementPort, "health");
        String metrics = ActuatorProbe.get(managementPort, "prometheus").body();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"dedup\":{", "unavailable: ids count as unseen");
        assertThat(metrics).containsPattern("lambda_ingest_events_total\\{[^}]*outcome=\"unchecked\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("lambda_ingest_dedup_failures_total\\{[^}]*operation=\"check\"[^}]*} [1-9]");
    }
}
