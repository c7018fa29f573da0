package io.lambda.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API through the gateway, as a client sees it. */
final class GatewayClient {

    static final String LOCAL_KEY = "local-dev-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response post(String path, @Nullable String key, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request.build());
    }

    Response get(String pathAndQuery, @Nullable String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request.build());
    }

    JsonNode getJson(String pathAndQuery) {
        Response response = get(pathAndQuery, LOCAL_KEY);
        if (response.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
