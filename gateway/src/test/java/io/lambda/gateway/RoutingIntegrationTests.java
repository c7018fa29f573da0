package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.lambda.gateway.RecordingUpstream.Received;
import io.lambda.gateway.TestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingIntegrationTests extends GatewayTestSupport {

    @Test
    void shouldRoutePostEventsToTheIngestInstancesInTurn() {
        String marker = uniqueMarker();
        byte[] body = "{\"id\":\"e1\",\"type\":\"pageview\"}".getBytes(StandardCharsets.UTF_8);

        Response first = client.send("POST", "/api/v1/events?" + marker, json(INGEST_KEY), body);
        Response second = client.send("POST", "/api/v1/events?" + marker, json(INGEST_KEY), body);

        assertThat(List.of(first.status(), second.status())).containsExactly(200, 200);
        assertThat(List.of(first.header("X-Upstream"), second.header("X-Upstream"))).containsExactlyInAnyOrder("ingest-a", "ingest-b");
        List<Received> received = List.of(INGEST_A.receivedWith(marker).get(0), INGEST_B.receivedWith(marker).get(0));
        assertThat(received).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/api/v1/events?" + marker);
            assertThat(r.body()).isEqualTo(body);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
        });
    }

    @Test
    void shouldRouteBatchPathsToBatch() {
        String marker = uniqueMarker();

        Response start = client.send("POST", "/api/v1/batch/runs?" + marker, json(ADMIN_KEY), "{}".getBytes(StandardCharsets.UTF_8));
        Response run = client.get("/api/v1/batch/runs/run-1?" + marker, withKey(ADMIN_KEY));

        assertThat(List.of(start.status(), run.status())).containsExactly(200, 200);
        assertThat(BATCH.receivedWith(marker)).extracting(Received::method, Received::uri).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/batch/runs?" + marker),
                org.assertj.core.groups.Tuple.tuple("GET", "/api/v1/batch/runs/run-1?" + marker));
    }

    @Test
    void shouldRouteTheRestOfTheApiToQueryWithPathAndQueryUnchanged() {
        String marker = uniqueMarker();
        String series = "/api/v1/views/pageviews/series?from=2026-11-24T09:00:00Z&to=1764000000000&dim.url=%2Fpricing&q=0.5&" + marker;

        Response views = client.get("/api/v1/views?" + marker, withKey(QUERY_KEY));
        Response seriesResponse = client.get(series, withKey(QUERY_KEY));
        Response status = client.get("/api/v1/status?" + marker, withKey(QUERY_KEY));
        Response getEvents = client.get("/api/v1/events?" + marker, withKey(QUERY_KEY));

        assertThat(List.of(views.status(), seriesResponse.status(), status.status(), getEvents.status()))
                .containsOnly(200);
        assertThat(QUERY.receivedWith(marker)).extracting(Received::uri)
                .containsExactly("/api/v1/views?" + marker, series, "/api/v1/status?" + marker, "/api/v1/events?" + marker);
        assertThat(INGEST_A.receivedWith(marker)).isEmpty();
        assertThat(INGEST_B.receivedWith(marker)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/api", "/api/v2/views", "/actuator", "/actuator/health",
            "/actuator/prometheus", "/actuator/env", "/api/v1/../actuator/health", "/api/v1/%2e%2e/actuator/health",
            "/api/v1/views/..%2F..%2Factuator", "/api/v1;x=y/views", "/api/v1//views", "/api/v1/views/%2e"})
    void shouldAnswerNotFoundProblemOutsideThePublicApiWhateverTheKey(String path) {
        String marker = uniqueMarker();
        String uri = path + (path.contains("?") ? "&" : "?") + marker;

        Response response = client.get(uri, withKey(ADMIN_KEY));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).isEqualTo("{\"type\":\"urn:problem:lambda:not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"There is no resource at this path\"}");
        assertThat(QUERY.receivedWith(marker)).isEmpty();
        assertThat(BATCH.receivedWith(marker)).isEmpty();
    }

    @Test
    void shouldPassAServiceProblemThroughUnchanged() {
        Response response = client.get("/api/v1/problem", withKey(QUERY_KEY));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(response.body()).isEqualTo(RecordingUpstream.UPSTREAM_PROBLEM);
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenTheServiceIsTooSlow() {
        long started = System.nanoTime();

        Response response = client.get("/api/v1/batch/runs/slow", withKey(ADMIN_KEY));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.body()).contains("\"type\":\"urn:problem:lambda:upstream-unavailable\"", "\"status\":503");
        assertThat(System.nanoTime() - started).as("answered after the 2 s response timeout, not the 10 s delay")
                .isLessThan(8_000_000_000L);
    }

    @Test
    void shouldKeepClientForwardingAndHopByHopHeadersAndTheApiKeyFromTheService() {
        String marker = uniqueMarker();
        Map<String, List<String>> headers = Map.of("X-API-Key", List.of(QUERY_KEY),
                "X-Forwarded-For", List.of("10.1.2.3"), "X-Forwarded-Host", List.of("evil.example"),
                "Forwarded", List.of("for=10.1.2.3"), "X-Real-IP", List.of("10.1.2.3"),
                "Connection", List.of("keep-alive, X-Secret-Hop"), "X-Secret-Hop", List.of("1"),
                "Keep-Alive", List.of("timeout=5"), "X-Kept", List.of("yes"));

        Response response = client.get("/api/v1/views?" + marker, headers);

        assertThat(response.status()).isEqualTo(200);
        Received received = QUERY.receivedWith(marker).get(0);
        assertThat(received.headers().keySet()).doesNotContain("x-api-key", "x-forwarded-for", "x-forwarded-host",
                "forwarded", "x-real-ip", "x-secret-hop", "keep-alive");
        assertThat(received.header("X-Kept")).isEqualTo("yes");
    }
}
