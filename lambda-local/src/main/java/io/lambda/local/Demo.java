package io.lambda.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform at work, through the gateway only: a stream of pageviews, clicks and sign-ups (with repeated ids and
 * late events), the merged answers with their completeness envelope once the speed layer has caught up, then a batch
 * run with its progress, and the same answers again, now served from the batch layer.
 */
final class Demo {

    private static final Logger log = LoggerFactory.getLogger(Demo.class);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String KEY = "local-dev-key";

    private final String gateway;
    private final Duration streamFor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random();

    Demo(String gateway, Duration streamFor) {
        this.gateway = gateway;
        this.streamFor = streamFor;
    }

    void run() throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now();
        long sent = 0;
        long accepted = 0;
        long duplicates = 0;
        List<String> recent = new ArrayList<>();
        int request = 0;
        log.info("Demo: streaming pageviews, clicks and sign-ups through {} for {} s", gateway, streamFor.toSeconds());
        while (Duration.between(start, Instant.now()).compareTo(streamFor) < 0) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 200; i++) {
                String id;
                if (!recent.isEmpty() && random.nextInt(20) == 0) {
                    id = recent.get(random.nextInt(recent.size())); // a client retrying: counted once
                } else {
                    id = "demo-" + run + "-" + request + "-" + i;
                    recent.add(id);
                }
                body.append(i == 0 ? "" : ",").append(event(id));
            }
            JsonNode answer = post("/api/v1/events", body.append(']').toString());
            sent += 200;
            accepted += answer.path("accepted").asLong();
            duplicates += answer.path("duplicates").asLong();
            request++;
            if (request % 10 == 0) {
                log.info("Demo: sent {} events, accepted {}, duplicates {} ({} s)", sent, accepted, duplicates,
                        Duration.between(start, Instant.now()).toSeconds());
            }
            Thread.sleep(100); // a steady, moderate stream
        }
        log.info("Demo: sent {} events: {} accepted, {} recognised as duplicates", sent, accepted, duplicates);

        awaitCaughtUp();
        Instant from = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        Instant to = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        String before = show(from, to);

        JsonNode runStarted = post("/api/v1/batch/runs", "{}");
        String runId = runStarted.path("runId").asString();
        log.info("Demo: batch run {} started with boundary {}", runId, runStarted.path("boundary").asString());
        JsonNode status = awaitRun(runId);
        log.info("Demo: batch run {} {}: {} events read, {} duplicates dropped", runId, status.path("status").asString(),
                status.path("eventsRead").asLong(), status.path("duplicatesDropped").asLong());
        awaitCaughtUp();
        String after = show(from, to);
        log.info(before.equals(after) ? "Demo: the answers are unchanged, now served by the batch layer up to its boundary"
                : "Demo: the answers changed after the batch run (events arrived meanwhile?)");
    }

    private String event(String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant time = random.nextInt(25) == 0 ? now.minus(Duration.ofMinutes(30 + random.nextInt(90))) : now; // late
        return switch (random.nextInt(5)) {
            case 0, 1, 2 -> """
                    {"id":"%s","type":"pageview","timestamp":"%s","attributes":{"url":"%s","userId":"u-%d","durationMs":%d,"country":"%s"}}"""
                    .formatted(id, time, List.of("/", "/pricing", "/docs", "/blog", "/signup").get(random.nextInt(5)),
                            random.nextInt(300), 200 + random.nextInt(9000), List.of("DE", "FR", "US", "JP").get(random.nextInt(4)));
            case 3 -> """
                    {"id":"%s","type":"click","timestamp":"%s","attributes":{"button":"%s","price":%s}}"""
                    .formatted(id, time, List.of("buy", "trial", "contact").get(random.nextInt(3)),
                            String.format(Locale.ROOT, "%.2f", 5 + random.nextInt(9500) / 100.0));
            default -> """
                    {"id":"%s","type":"signup","timestamp":"%s","attributes":{"plan":"%s","country":"%s","userId":"u-%d"}}"""
                    .formatted(id, time, List.of("free", "pro", "team").get(random.nextInt(3)),
                            List.of("DE", "FR", "US", "JP").get(random.nextInt(4)), random.nextInt(300));
        };
    }

    private String show(Instant from, Instant to) throws IOException, InterruptedException {
        JsonNode series = get("/api/v1/views/pageviews/series?granularity=hour&from=" + from + "&to=" + to);
        JsonNode top = get("/api/v1/views/pageviews/groups?by=url&limit=5&from=" + from + "&to=" + to);
        JsonNode envelope = series.path("completeness");
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n  pageviews per hour (boundary %s, lag %d, complete %s)%n",
                envelope.path("boundary").asString("none"), envelope.path("speedLag").asLong(),
                envelope.path("complete").asBoolean()));
        table.append(String.format(Locale.ROOT, "  %-22s %-12s %8s %9s%n", "hour", "source", "views", "visitors"));
        for (JsonNode point : series.path("points")) {
            table.append(String.format(Locale.ROOT, "  %-22s %-12s %8d %9.0f%n", point.path("t").asString(),
                    point.path("source").asString(), point.path("metrics").path("views").asLong(),
                    point.path("metrics").path("visitors").asDouble()));
        }
        table.append(String.format(Locale.ROOT, "  top urls%n  %-12s %8s %9s%n", "url", "views", "visitors"));
        for (JsonNode group : top.path("groups")) {
            table.append(String.format(Locale.ROOT, "  %-12s %8d %9.0f%n", group.path("key").asString(),
                    group.path("metrics").path("views").asLong(), group.path("metrics").path("visitors").asDouble()));
        }
        log.info("Demo: merged answers:{}", table);
        StringBuilder values = new StringBuilder();
        series.path("points").forEach(p -> values.append(p.path("metrics").path("views").asLong()).append(','));
        top.path("groups").forEach(g -> values.append(g.path("key").asString()).append('=')
                .append(g.path("metrics").path("views").asLong()).append(','));
        return values.toString();
    }

    private void awaitCaughtUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = getIfAvailable("/api/v1/status");
            if (status != null && status.path("speed").path("lag").asLong(-1) == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the speed layer did not catch up within " + WAIT);
    }

    private JsonNode awaitRun(String runId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int shown = -1;
        while (System.nanoTime() < deadline) {
            JsonNode status = getIfAvailable("/api/v1/batch/runs/" + runId);
            if (status == null) {
                Thread.sleep(500);
                continue;
            }
            if (!status.path("status").asString().equals("STARTED")) {
                return status;
            }
            int percent = status.path("progress").path("percent").asInt();
            if (percent != shown) {
                log.info("Demo: batch run {}% ({} of {} files, eta {} s)", percent,
                        status.path("progress").path("filesRead").asLong(), status.path("progress").path("filesTotal")
                                .asLong(), status.path("progress").path("etaSeconds").asLong());
                shown = percent;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("batch run " + runId + " did not finish within " + WAIT);
    }

    /** The answer, or null when the platform answers 503 (a store did not answer in time: asked again later). */
    private @Nullable JsonNode getIfAvailable(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).GET()
                .header("X-API-Key", KEY).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            log.info("Demo: {} answered 503 ({}); asking again", path, response.body());
            return null;
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("X-API-Key", KEY).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }
}
