package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lambda.gateway.RecordingUpstream.Received;
import io.lambda.gateway.TestClient.Response;
import org.junit.jupiter.api.Test;

class CorrelationIntegrationTests extends GatewayTestSupport {

    @Test
    void shouldPassAWellFormedRequestIdToTheServiceAndBack() {
        String marker = uniqueMarker();
        String id = "client-" + UUID.randomUUID();

        Response response = client.get("/api/v1/views?" + marker, Map.of("X-API-Key", List.of(QUERY_KEY), "X-Request-Id", List.of(id)));

        assertThat(response.header("X-Request-Id")).isEqualTo(id);
        assertThat(QUERY.receivedWith(marker)).extracting(r -> r.header("X-Request-Id")).containsExactly(id);
    }

    @Test
    void shouldGenerateARequestIdWhenAbsentAndSendTheSameOneBothWays() {
        String marker = uniqueMarker();

        Response response = client.get("/api/v1/views?" + marker, withKey(QUERY_KEY));

        String id = response.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(QUERY.receivedWith(marker)).extracting(r -> r.header("X-Request-Id")).containsExactly(id);
    }

    @Test
    void shouldReplaceAMalformedRequestId() {
        for (String bad : List.of("has spaces", "x".repeat(65), "semi;colon", "<script>")) {
            String marker = uniqueMarker();

            Response response = client.get("/api/v1/views?" + marker, Map.of("X-API-Key", List.of(QUERY_KEY), "X-Request-Id", List.of(bad)));

            Received received = QUERY.receivedWith(marker).get(0);
            assertThat(response.header("X-Request-Id")).isNotEqualTo(bad).matches("[0-9a-f-]{36}")
                    .isEqualTo(received.header("X-Request-Id"));
        }
    }

    @Test
    void shouldReturnTheRequestIdWithTheGatewaysOwnProblems() {
        String id = "problem-" + UUID.randomUUID();

        Response notFound = client.get("/actuator/health", Map.of("X-Request-Id", List.of(id)));
        Response unauthorized = client.get("/api/v1/views", Map.of("X-Request-Id", List.of(id)));

        assertThat(List.of(notFound.status(), unauthorized.status())).containsExactly(404, 401);
        assertThat(List.of(notFound.header("X-Request-Id"), unauthorized.header("X-Request-Id"))).containsOnly(id);
    }
}
