package io.lambda.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts to a running ingest service over real HTTP, as a client would. */
public final class IngestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI events;

    public IngestHttp(int port) {
        this.events = URI.create("http://127.0.0.1:" + port + "/api/v1/events");
    }

    public Response postJson(String body) {
        return post("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    public Response postNdjson(String body) {
        return post("application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code body} with the given {@code Content-Type} (none when null). */
    public Response post(@Nullable String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its body parsed as JSON. */
    public record Response(int status, String contentType, @Nullable String retryAfter, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem's {@code type} member. */
        public String problemType() {
            return json().path("type").asString();
        }
    }
}
