package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.lambda.gateway.TestClient.Response;
import org.junit.jupiter.api.Test;

class AuthIntegrationTests extends GatewayTestSupport {

    static final String UNAUTHORIZED = "{\"type\":\"urn:problem:lambda:unauthorized\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"A valid API key is required in the X-API-Key header\"}";

    @Test
    void shouldAnswerOneUnauthorizedBodyForMissingUnknownAndMalformedKeys() {
        String marker = uniqueMarker();
        List<Map<String, List<String>>> attempts = List.of(
                Map.of(),
                withKey("not-a-configured-key"),
                withKey(""),
                withKey("with spaces " + QUERY_KEY),
                withKey("k".repeat(300)),
                withKey(QUERY_KEY.toUpperCase()),
                Map.of("X-API-Key", List.of(QUERY_KEY, QUERY_KEY)));

        List<Response> responses = attempts.stream().map(h -> client.get("/api/v1/views?" + marker, h)).toList();

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).isEqualTo(UNAUTHORIZED);
        });
        assertThat(QUERY.receivedWith(marker)).isEmpty();
    }

    @Test
    void shouldAnswerForbiddenForAKeyWithoutTheRoutesRole() {
        String marker = uniqueMarker();
        byte[] event = "{}".getBytes(StandardCharsets.UTF_8);

        List<Response> responses = List.of(
                client.get("/api/v1/views?" + marker, withKey(INGEST_KEY)),
                client.get("/api/v1/status?" + marker, withKey(INGEST_KEY)),
                client.get("/api/v1/views?" + marker, withKey(ADMIN_KEY)),
                client.send("POST", "/api/v1/events?" + marker, json(QUERY_KEY), event),
                client.send("POST", "/api/v1/events?" + marker, json(ADMIN_KEY), event),
                client.send("POST", "/api/v1/batch/runs?" + marker, json(QUERY_KEY), event),
                client.get("/api/v1/batch/runs?" + marker, withKey(INGEST_KEY)));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).startsWith("{\"type\":\"urn:problem:lambda:forbidden\",\"title\":\"Forbidden\",\"status\":403,");
        });
        assertThat(responses.get(0).body()).contains("the role 'query'");
        assertThat(responses.get(3).body()).contains("the role 'ingest'");
        assertThat(responses.get(5).body()).contains("the role 'admin'");
        assertThat(INGEST_A.receivedWith(marker)).isEmpty();
        assertThat(INGEST_B.receivedWith(marker)).isEmpty();
        assertThat(QUERY.receivedWith(marker)).isEmpty();
        assertThat(BATCH.receivedWith(marker)).isEmpty();
    }

    @Test
    void shouldLetEachKeyThroughToTheRoutesOfItsRole() {
        String marker = uniqueMarker();

        List<Response> responses = List.of(
                client.send("POST", "/api/v1/events?" + marker, json(INGEST_KEY), "{}".getBytes(StandardCharsets.UTF_8)),
                client.get("/api/v1/views?" + marker, withKey(QUERY_KEY)),
                client.get("/api/v1/batch/runs?" + marker, withKey(ADMIN_KEY)));

        assertThat(responses).extracting(Response::status).containsOnly(200);
    }
}
