package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.lambda.gateway.TestClient.Response;
import io.lambda.test.ActuatorEndpointsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway as the local stack runs it: the {@code local} profile, its documented key, actuator only on management. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("local")
class GatewayApplicationTests implements ActuatorEndpointsContract {

    static final RecordingUpstream QUERY = new RecordingUpstream("query");

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("lambda.gateway.services.query.instances", () -> QUERY.uri().toString());
        registry.add("spring.data.redis.host", () -> TestRedis.endpoint().host());
        registry.add("spring.data.redis.port", () -> TestRedis.endpoint().port());
    }

    @AfterAll
    static void stopUpstream() {
        QUERY.close();
    }

    @Override
    public int managementPort() {
        return managementPort;
    }

    @Test
    void shouldAcceptTheDocumentedLocalKeyOnEveryRole() {
        Response response = new TestClient(port).get("/api/v1/views", Map.of("X-API-Key", List.of("local-dev-key")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Upstream")).isEqualTo("query");
    }

    @Test
    void shouldNotExposeTheActuatorOnThePublicPort() {
        TestClient client = new TestClient(port);

        List<Response> responses = List.of(client.get("/actuator/health", Map.of()),
                client.get("/actuator/prometheus", Map.of("X-API-Key", List.of("local-dev-key"))));

        assertThat(responses).extracting(Response::status).containsOnly(404);
    }
}
