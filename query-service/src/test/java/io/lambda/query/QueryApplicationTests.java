package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.lambda.test.ActuatorEndpointsContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

class QueryApplicationTests extends AbstractQueryIntegrationTests implements ActuatorEndpointsContract {

    @LocalManagementPort
    int managementPort;

    @Override
    public int managementPort() {
        return managementPort;
    }

    @Test
    void shouldTimeEveryEndpointByOutcome() throws Exception {
        http.get("/api/v1/views/shop/series?from=2026-11-24T10:00:00Z&to=2026-11-24T11:00:00Z");
        http.get("/api/v1/views/shop/series?from=2026-11-24T10:00:00Z&to=2026-11-24T11:00:00Z&q=2");
        http.get("/api/v1/views/shop/groups?from=2026-11-24T10:00:00Z&to=2026-11-24T11:00:00Z");
        http.get("/api/v1/views");
        http.get("/api/v1/status");
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("lambda_query_requests_seconds_count{endpoint=\"series\",outcome=\"ok\"}",
                "lambda_query_requests_seconds_count{endpoint=\"series\",outcome=\"invalid\"}",
                "lambda_query_requests_seconds_count{endpoint=\"groups\",outcome=\"ok\"}",
                "lambda_query_requests_seconds_count{endpoint=\"views\",outcome=\"ok\"}",
                "lambda_query_requests_seconds_count{endpoint=\"status\",outcome=\"ok\"}");
    }
}
