package io.lambda.query.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch service's last run, from its HTTP API ({@code GET <batch-url>/api/v1/batch/runs?limit=1}) with a short
 * timeout. Only {@code /status} asks; queries never depend on it.
 */
public final class BatchRuns {

    private static final Logger log = LoggerFactory.getLogger(BatchRuns.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final @Nullable URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    /** What {@code /status} knows about the batch service. */
    public sealed interface Answer permits NotConfigured, Unreachable, NoRun, LastRun {
    }

    /** {@code lambda.query.batch-url} is not set. */
    public record NotConfigured() implements Answer {
    }

    /** The batch service did not answer in time or answered something else than its API. */
    public record Unreachable(String reason) implements Answer {
    }

    /** The batch service has no run yet. */
    public record NoRun() implements Answer {
    }

    /** The newest run as the batch service reports it (its API.md fields). */
    public record LastRun(@Nullable String runId, @Nullable String status, @Nullable String boundary,
            @Nullable String finishedAt) implements Answer {

        /** Whether the run is still going. */
        public boolean running() {
            return "STARTED".equals(status) || "STARTING".equals(status);
        }
    }

    public BatchRuns(@Nullable URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The newest run, or why it is not known. */
    public Answer lastRun() {
        if (baseUrl == null) {
            return new NotConfigured();
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/batch/runs?limit=1"))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Unreachable("batch service answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            JsonNode runs = body.isArray() ? body : body.path("runs");
            if (!runs.isArray() || runs.isEmpty()) {
                return new NoRun();
            }
            JsonNode run = runs.get(0);
            return new LastRun(text(run, "runId"), text(run, "status"), text(run, "boundary"), text(run, "finishedAt"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        } catch (Exception e) {
            log.debug("Batch service at {} not reachable", base, e);
            return new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static @Nullable String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
