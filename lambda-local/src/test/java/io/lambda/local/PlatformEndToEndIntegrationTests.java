package io.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.test.LambdaStack;

/**
 * The whole platform, each service its own process from its built jar, against the real broker, redis-server and S3
 * endpoint of the test JVM; every request goes through the gateway, as a client's would. Proves invariant 1 (exact
 * merge once the speed layer caught up), 2 (convergence: the batch layer alone is exact after a run covering
 * everything) and the edge (auth, limits, no actuator).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIntegrationTests {

    private static final String QUERY_ONLY_KEY = "e2e-query-only";
    private static final String LIMITED_KEY = "e2e-limited";
    private static final Duration SLOT = Duration.ofSeconds(10);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private static Platform platform;
    private static ObjectStoreProperties bucket;
    private static GatewayClient gateway;
    /** The first copy of every accepted id, as the platform must count it. */
    private static final Map<String, Map<String, Object>> accepted = new LinkedHashMap<>();
    private static Instant lastPost;
    private static Instant from;
    private static Instant to;

    @BeforeAll
    static void startPlatform() throws Exception {
        LambdaStack stack = LambdaStack.get();
        ObjectStoreProperties bucket = stack.newBucket();
        Path data = Files.createTempDirectory("lambda-e2e");
        String run = UUID.randomUUID().toString().substring(0, 8);
        PlatformSettings settings = new PlatformSettings(PlatformSettings.findRepositoryRoot(), data, "e2e-" + run,
                "e2e-" + run + ":", SLOT, Duration.ofHours(1), PlatformSettings.Ports.free(),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                Map.of("gateway", gatewayKeys(), "batch", Map.of("lambda.batch.recover-after", "0s",
                        "lambda.batch.schedule-enabled", "false")));
        platform = Platform.start(stack, bucket, settings);
        PlatformEndToEndIntegrationTests.bucket = bucket;
        gateway = new GatewayClient(platform.gatewayUrl());
        Instant now = Instant.now();
        from = now.minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.HOURS);
        to = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** local-dev-key with every role, a query-only key, and a key allowed 1 request a second with a burst of 3. */
    private static Map<String, Object> gatewayKeys() throws Exception {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("lambda.gateway.keys[0].sha256", sha256(GatewayClient.LOCAL_KEY));
        keys.put("lambda.gateway.keys[0].roles", "ingest,query,admin");
        keys.put("lambda.gateway.keys[1].sha256", sha256(QUERY_ONLY_KEY));
        keys.put("lambda.gateway.keys[1].roles", "query");
        keys.put("lambda.gateway.keys[2].sha256", sha256(LIMITED_KEY));
        keys.put("lambda.gateway.keys[2].roles", "query");
        keys.put("lambda.gateway.keys[2].rate-limit.rate", "1");
        keys.put("lambda.gateway.keys[2].rate-limit.burst", "3");
        return keys;
    }

    @Test
    @Order(1)
    void shouldAnswerExactlyWhatWasAcceptedOnceTheSpeedLayerCaughtUp() {
        Random random = new Random(42);
        List<Map<String, Object>> firstBatch = events(random, 300, "a");
        post(firstBatch);
        List<Map<String, Object>> second = events(random, 200, "b");
        // repeated ids with other values: the first copy counts, the repeat must not
        for (int i = 0; i < 40; i++) {
            Map<String, Object> repeat = new LinkedHashMap<>(firstBatch.get(i * 7));
            repeat.put("attributes", Map.of("url", "/repeat", "userId", "u-repeat", "durationMs", 1_000_000,
                    "button", "repeat", "price", 1_000_000, "plan", "repeat", "country", "ZZ"));
            second.add(repeat);
        }
        post(second);

        awaitCaughtUp();

        assertPageviewsExact("merged");
        assertClicksExact("merged");
        assertSignupsExact("merged");
    }

    @Test
    @Order(2)
    void shouldConvergeOnTheBatchLayerAfterARunCoveringEverything() {
        Instant covered = lastPost.plus(SLOT.multipliedBy(2));
        Awaitility.await("archive watermark past the last event").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode watermark = gateway.getJson("/api/v1/status").path("archive").path("watermark");
                    return !watermark.isNull() && !watermark.isMissingNode()
                            && Instant.parse(watermark.asString()).isAfter(covered);
                });

        // queries in a loop while the run reads, writes its rows and switches the pointer: every answer exact
        java.util.concurrent.atomic.AtomicBoolean switching = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CompletableFuture<Void> queries = java.util.concurrent.CompletableFuture.runAsync(() -> {
            while (switching.get()) {
                assertPageviewsByUrlExact("merged");
                answers.incrementAndGet();
            }
        });
        GatewayClient.Response started = gateway.post("/api/v1/batch/runs", GatewayClient.LOCAL_KEY,
                "application/json", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("runId").asString();
        assertThat(Instant.parse(started.json().path("boundary").asString())).isAfter(lastPost);
        Awaitility.await("batch run " + runId).atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> !gateway.getJson("/api/v1/batch/runs/" + runId).path("status").asString()
                        .equals("STARTED") || queries.isDone());
        switching.set(false);
        queries.join(); // rethrows the first inexact answer
        assertThat(answers.get()).as("answers checked during the run").isPositive();
        assertThat(gateway.getJson("/api/v1/batch/runs/" + runId).path("status").asString()).isEqualTo("COMPLETED");

        assertPageviewsExact("batch");
        assertClicksExact("batch");
        assertSignupsExact("batch");
        assertPageviewsExact("merged");
        JsonNode series = series("pageviews", "hour", "merged", "");
        assertThat(series.path("completeness").path("boundary").asString()).isEqualTo(
                started.json().path("boundary").asString());
        for (JsonNode point : series.path("points")) {
            assertThat(point.path("source").asString()).isIn("batch", "none");
        }
    }

    @Test
    @Order(3)
    void shouldGuardThePublicEdge() {
        String event = "{\"id\":\"edge-1\",\"type\":\"pageview\",\"timestamp\":\"" + Instant.now() + "\"}";
        GatewayClient.Response missing = gateway.post("/api/v1/events", null, "application/json", event);
        GatewayClient.Response unknown = gateway.post("/api/v1/events", "nobody", "application/json", event);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(missing.body());

        assertThat(gateway.post("/api/v1/events", QUERY_ONLY_KEY, "application/json", event).status()).isEqualTo(403);
        assertThat(gateway.post("/api/v1/batch/runs", QUERY_ONLY_KEY, "application/json", "{}").status())
                .isEqualTo(403);
        assertThat(gateway.get("/api/v1/views", QUERY_ONLY_KEY).status()).isEqualTo(200);

        String oversize = "[" + "x".repeat(10 * 1024 * 1024) + "]";
        assertThat(gateway.post("/api/v1/events", GatewayClient.LOCAL_KEY, "application/json", oversize).status())
                .isEqualTo(413);

        assertThat(gateway.get("/actuator/health", GatewayClient.LOCAL_KEY).status()).isEqualTo(404);
        assertThat(gateway.get("/actuator/prometheus", null).status()).isEqualTo(404);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(gateway.get("/api/v1/views", LIMITED_KEY).status());
        }
        assertThat(statuses).contains(429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(3 + 2);
    }

    @Test
    @Order(4)
    void shouldStayExactWhenTheSpeedServiceIsKilledDuringIngestion() {
        Random random = new Random(4);
        post(events(random, 300, "k1"));
        ServiceProcess speed = platform.service("speed");
        speed.kill(); // SIGKILL while it is folding and flushing the events just posted
        post(events(random, 300, "k2"));
        speed.start();
        speed.awaitHealthy(CATCH_UP);

        awaitCaughtUp();

        assertPageviewsExact("merged");
        assertClicksExact("merged");
        assertSignupsExact("merged");
    }

    @Test
    @Order(5)
    void shouldPublishNothingFromAKilledBatchRunAndFinishItAfterRecovery() {
        String published = gateway.getJson("/api/v1/status").path("batch").path("boundary").asString();
        Instant covered = lastPost.plus(SLOT.multipliedBy(2));
        Awaitility.await("archive watermark past the last event").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.parse(gateway.getJson("/api/v1/status").path("archive").path("watermark")
                        .asString()).isAfter(covered));
        GatewayClient.Response started = gateway.post("/api/v1/batch/runs", GatewayClient.LOCAL_KEY,
                "application/json", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("runId").asString();
        ServiceProcess batch = platform.service("batch");
        batch.kill(); // SIGKILL in the middle of the run

        assertThat(gateway.getJson("/api/v1/status").path("batch").path("boundary").asString())
                .as("a killed run publishes nothing").isEqualTo(published);
        assertPageviewsExact("merged");

        batch.start(); // recovers the dead run at start and restarts it
        batch.awaitHealthy(CATCH_UP);
        Awaitility.await("recovered run " + runId).atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.parse(gateway.getJson("/api/v1/status").path("batch").path("boundary")
                        .asString()).equals(Instant.parse(started.json().path("boundary").asString())));
        awaitCaughtUp();
        assertPageviewsExact("batch");
        assertPageviewsExact("merged");
        assertClicksExact("merged");
        assertSignupsExact("merged");
    }

    @Test
    @Order(6)
    void shouldNeverAnswerSilentlyWrongWhileRedisRecoversFromLosingItsData() {
        try (var client = io.lettuce.core.RedisClient.create(LambdaStack.get().redis().uri().toString());
                var connection = client.connect()) {
            connection.sync().flushall();
        }
        // until the layers have rewritten what Redis lost: a 503 or an answer that says it is incomplete, or exact
        List<String> seen = new ArrayList<>();
        Random random = new Random(6);
        post(events(random, 300, "f1"));
        // the batch layer republishes on its schedule; the test asks for that run itself (the schedule is off here)
        Instant covered = lastPost.plus(SLOT.multipliedBy(2));
        Awaitility.await("archive watermark republished past the last event").atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Instant.parse(gateway.getJson("/api/v1/status").path("archive").path("watermark")
                        .asString()).isAfter(covered));
        GatewayClient.Response run = gateway.post("/api/v1/batch/runs", GatewayClient.LOCAL_KEY, "application/json",
                "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        Awaitility.await("exact again after Redis lost its data").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    GatewayClient.Response answer = gateway.get("/api/v1/views/pageviews/groups?from=" + from + "&to="
                            + to + "&by=url&limit=100", GatewayClient.LOCAL_KEY);
                    if (answer.status() != 200) {
                        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                        seen.add("503");
                        return false;
                    }
                    boolean complete = answer.json().path("completeness").path("complete").asBoolean();
                    seen.add(complete ? "complete" : "incomplete");
                    if (complete) {
                        Map<String, Long> byUrl = new TreeMap<>();
                        of("pageview").forEach(e -> byUrl.merge((String) attributes(e).get("url"), 1L, Long::sum));
                        Map<String, Long> answered = new TreeMap<>();
                        answer.json().path("groups").forEach(g -> answered.put(g.path("key").asString(),
                                g.path("metrics").path("views").asLong()));
                        assertThat(answered).as("a complete answer after the loss (answers so far: %s)", seen)
                                .isEqualTo(byUrl);
                    }
                    return complete;
                });
        assertPageviewsExact("merged");
        assertClicksExact("merged");
        assertSignupsExact("merged");
    }

    @Test
    @Order(7)
    void shouldAnswerTheSameAfterTheWholePlatformRestartsOnItsData() {
        awaitCaughtUp();
        String before = gateway.getJson("/api/v1/views/clicks/groups?from=" + from + "&to=" + to
                + "&by=button&limit=100").path("groups").toString();
        PlatformSettings settings = platform.settings();

        platform.close();
        platform = Platform.start(LambdaStack.get(), bucket, settings); // same data directory, topic and key prefix

        awaitCaughtUp();
        assertThat(gateway.getJson("/api/v1/views/clicks/groups?from=" + from + "&to=" + to + "&by=button&limit=100")
                .path("groups").toString()).isEqualTo(before);
        assertPageviewsExact("merged");
        assertSignupsExact("merged");
        post(events(new Random(7), 100, "r1"));
        awaitCaughtUp();
        assertPageviewsExact("merged");
        assertClicksExact("merged");
    }

    // ---- the expected answers, computed from the accepted events

    private void assertPageviewsExact(String layer) {
        JsonNode series = series("pageviews", "hour", layer, "");
        Map<Instant, long[]> expected = new TreeMap<>();
        Map<Instant, java.util.Set<String>> visitors = new HashMap<>();
        for (Map<String, Object> e : of("pageview")) {
            Instant hour = timestamp(e).truncatedTo(ChronoUnit.HOURS);
            long[] v = expected.computeIfAbsent(hour, h -> new long[3]);
            v[0]++;
            v[1] += ((Number) attributes(e).get("durationMs")).longValue();
            v[2] = Math.max(v[2], ((Number) attributes(e).get("durationMs")).longValue());
            visitors.computeIfAbsent(hour, h -> new java.util.HashSet<>()).add((String) attributes(e).get("userId"));
        }
        for (JsonNode point : series.path("points")) {
            Instant t = Instant.parse(point.path("t").asString());
            long[] want = expected.getOrDefault(t, new long[3]);
            JsonNode metrics = point.path("metrics");
            assertThat(metrics.path("views").asLong()).as("%s views at %s", layer, t).isEqualTo(want[0]);
            assertThat(metrics.path("time_on_page").asLong()).as("%s time_on_page at %s", layer, t).isEqualTo(want[1]);
            if (want[0] > 0) {
                assertThat(metrics.path("slowest").asDouble()).as("%s slowest at %s", layer, t).isEqualTo(want[2]);
                assertThat(metrics.path("visitors").asDouble()).as("%s visitors at %s", layer, t)
                        .isCloseTo(visitors.get(t).size(), within(0.03 * visitors.get(t).size() + 0.5));
            }
        }
        assertPageviewsByUrlExact(layer);
    }

    private void assertPageviewsByUrlExact(String layer) {
        JsonNode groups = gateway.getJson("/api/v1/views/pageviews/groups?from=" + from + "&to=" + to
                + "&by=url&limit=100&layer=" + layer);
        Map<String, Long> byUrl = new TreeMap<>();
        of("pageview").forEach(e -> byUrl.merge((String) attributes(e).get("url"), 1L, Long::sum));
        Map<String, Long> answered = new TreeMap<>();
        groups.path("groups").forEach(g -> answered.put(g.path("key").asString(), g.path("metrics").path("views")
                .asLong()));
        assertThat(answered).as("%s pageviews by url", layer).isEqualTo(byUrl);
    }

    private void assertClicksExact(String layer) {
        JsonNode groups = gateway.getJson("/api/v1/views/clicks/groups?from=" + from + "&to=" + to
                + "&by=button&limit=100&layer=" + layer);
        Map<String, double[]> expected = new TreeMap<>();
        for (Map<String, Object> e : of("click")) {
            double price = ((Number) attributes(e).get("price")).doubleValue();
            double[] v = expected.computeIfAbsent((String) attributes(e).get("button"),
                    b -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
            v[0]++;
            v[1] += price;
            v[2] = Math.min(v[2], price);
            v[3] = Math.max(v[3], price);
        }
        assertThat(groups.path("groups").size()).isEqualTo(expected.size());
        for (JsonNode group : groups.path("groups")) {
            double[] want = expected.get(group.path("key").asString());
            JsonNode m = group.path("metrics");
            assertThat(m.path("clicks").asLong()).as("%s clicks %s", layer, group).isEqualTo((long) want[0]);
            assertThat(m.path("spent").asDouble()).isCloseTo(want[1], within(1e-6));
            assertThat(m.path("avg_price").asDouble()).isCloseTo(want[1] / want[0], within(1e-6));
            assertThat(m.path("cheapest").asDouble()).isEqualTo(want[2]);
            assertThat(m.path("dearest").asDouble()).isEqualTo(want[3]);
        }
    }

    private void assertSignupsExact(String layer) {
        JsonNode groups = gateway.getJson("/api/v1/views/signups/groups?from=" + from + "&to=" + to
                + "&by=plan&limit=100&layer=" + layer);
        Map<String, Long> expected = new TreeMap<>();
        of("signup").forEach(e -> expected.merge((String) attributes(e).get("plan"), 1L, Long::sum));
        Map<String, Long> answered = new TreeMap<>();
        groups.path("groups").forEach(g -> answered.put(g.path("key").asString(), g.path("metrics").path("signups")
                .asLong()));
        assertThat(answered).as("%s signups by plan", layer).isEqualTo(expected);
    }

    private JsonNode series(String view, String granularity, String layer, String filters) {
        return gateway.getJson("/api/v1/views/" + view + "/series?from=" + from + "&to=" + to + "&granularity="
                + granularity + "&layer=" + layer + filters);
    }

    private static void awaitCaughtUp() {
        Awaitility.await("speed lag 0").atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.getJson("/api/v1/status").path("speed").path("lag").asLong(-1) == 0
                        && gateway.getJson("/api/v1/views/pageviews/series?from=" + from + "&to=" + to
                                + "&granularity=hour").path("completeness").path("complete").asBoolean());
    }

    // ---- events

    private static void post(List<Map<String, Object>> events) {
        StringBuilder body = new StringBuilder("[");
        for (Map<String, Object> e : events) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(JsonText.of(e));
        }
        GatewayClient.Response response = gateway.post("/api/v1/events", GatewayClient.LOCAL_KEY, "application/json",
                body.append(']').toString());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("rejected").asInt()).isZero();
        for (Map<String, Object> e : events) {
            accepted.putIfAbsent((String) e.get("id"), e);
        }
        lastPost = Instant.now();
    }

    private static List<Map<String, Object>> events(Random random, int count, String batch) {
        List<Map<String, Object>> events = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            String type = List.of("pageview", "pageview", "click", "signup").get(random.nextInt(4));
            // one in ten is late: its event time hours before it is ingested
            Instant time = random.nextInt(10) == 0 ? now.minus(Duration.ofMinutes(90 + random.nextInt(200)))
                    : now.minusSeconds(random.nextInt(60));
            Map<String, Object> attributes = switch (type) {
                case "pageview" -> Map.of("url", "/p" + random.nextInt(5), "userId", "u" + random.nextInt(40),
                        "durationMs", random.nextInt(10_000), "country", List.of("DE", "FR", "US").get(random.nextInt(3)));
                case "click" -> Map.of("button", "b" + random.nextInt(4), "price", random.nextInt(10_000) / 100.0);
                default -> Map.of("plan", "plan" + random.nextInt(3), "country", List.of("DE", "FR").get(random.nextInt(2)),
                        "userId", "u" + random.nextInt(40));
            };
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", "e2e-" + batch + "-" + i);
            event.put("type", type);
            event.put("timestamp", time.toString());
            event.put("attributes", attributes);
            events.add(event);
        }
        return events;
    }

    private static List<Map<String, Object>> of(String type) {
        return accepted.values().stream().filter(e -> e.get("type").equals(type)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> event) {
        return (Map<String, Object>) event.get("attributes");
    }

    private static Instant timestamp(Map<String, Object> event) {
        return Instant.parse((String) event.get("timestamp"));
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
