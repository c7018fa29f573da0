package io.lambda.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.lambda.core.event.Event;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewDefinition;
import io.lambda.test.ActuatorEndpointsContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A batch service on the real stack over a generated master dataset (3 partitions, several slots, duplicates within
 * and across slots, late events, events at the boundary, a corrupt file): every row equals the aggregate computed
 * directly from the deduplicated events before the boundary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class RecomputeViewsIntegrationTests implements ActuatorEndpointsContract {

    static final BatchStack STACK = new BatchStack(3);
    /** The highest allowed boundary: the watermark is 2 minutes past it. */
    static final Instant T = Instant.parse("2026-01-10T12:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<ViewDefinition> VIEWS = ViewCatalogLoader.load("classpath:batch-views.yml").views();

    static RedisClient redis;
    static StatefulRedisConnection<String, String> textConnection;
    static StatefulRedisConnection<byte[], byte[]> binaryConnection;
    static ArchiveFixture archive;
    static ArchiveFile corrupt;
    static int readable;
    static int duplicateCopies;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        STACK.properties(Map.of("lambda.batch.retention.minute", "1h", "lambda.batch.skip-limit", "5"))
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void dataset() {
        redis = RedisClient.create(STACK.stack.redis().uri().toString());
        textConnection = redis.connect();
        binaryConnection = redis.connect(ByteArrayCodec.INSTANCE);
        archive = new ArchiveFixture(ObjectStore.create(STACK.bucket));
        List<Instant> slots = List.of(T.minusSeconds(900), T.minusSeconds(600), T.minusSeconds(300));
        for (int s = 0; s < slots.size(); s++) {
            Instant slot = slots.get(s);
            for (int p = 0; p < STACK.partitions; p++) {
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Instant ingest = slot.plusSeconds(i * 5L + 1);
                    // every third event is late: its event time is three hours before its ingest time
                    Instant time = i % 3 == 0 ? ingest.minusSeconds(3 * 3600) : ingest.minusSeconds(20);
                    events.add(i % 5 == 4
                            ? visit("v-" + s + "-" + p + "-" + i, time, ingest, i)
                            : purchase("e-" + s + "-" + p + "-" + i, time, ingest, "prod-" + (i % 4), i % 7 + 1, "u-" + (i % 9)));
                }
                // a copy within the slot and a copy of an earlier slot's event: both dropped, the first copy wins
                events.add(purchase("e-" + s + "-" + p + "-1", T.minusSeconds(7200), slot.plusSeconds(290), "prod-0", 1000, "u-x"));
                duplicateCopies++;
                if (s > 0) {
                    events.add(purchase("e-0-" + p + "-2", T.minusSeconds(7200), slot.plusSeconds(295), "prod-1", 2000, "u-y"));
                    duplicateCopies++;
                }
                if (s == 2 && p == 0) { // ingested 1 ms before the boundary: in
                    events.add(purchase("edge-in", T.minusSeconds(60), T.minusMillis(1), "edge-in", 5, "u-1"));
                }
                if (s == 2 && p == 1) { // ingested at the boundary (filed in an earlier slot's file): out
                    events.add(purchase("edge-late", T.minusSeconds(60), T, "edge-late", 5, "u-1"));
                }
                archive.write(slot, p, events);
                readable += events.size();
            }
        }
        // ingested at the boundary, in the boundary's slot: out
        archive.write(T, 0, List.of(purchase("edge-out", T.minusSeconds(60), T, "edge-out", 5, "u-1")));
        corrupt = archive.writeCorrupt(T.minusSeconds(600), 2, 3);
        ArchiveFixture.watermark(textConnection.sync(), new ServingKeys(STACK.prefix), STACK.partitions, T.plusSeconds(120));
    }

    @AfterAll
    static void close() {
        textConnection.close();
        binaryConnection.close();
        redis.shutdown();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @Override
    public int managementPort() {
        return managementPort;
    }

    @Test
    void shouldRecomputeEveryViewExactlyFromTheDedupedEventsBeforeTheBoundary() {
        BatchHttp http = new BatchHttp(port);

        BatchHttp.Answer started = http.post("/api/v1/batch/runs", "");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("status").asString()).isEqualTo("STARTED");
        assertThat(started.body().get("boundary").asString()).isEqualTo(T.toString());
        String runId = started.body().get("runId").asString();
        JsonNode run = awaitFinished(http, runId);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");

        List<Event> expected = archive.expected(T);
        assertThat(expected).extracting(Event::id).contains("edge-in").doesNotContain("edge-out", "edge-late");
        for (ViewDefinition view : VIEWS) {
            BatchPointer pointer = ServedRows.pointer(textConnection.sync(), keys(), ViewVersion.of(view));
            assertThat(pointer).isNotNull();
            assertThat(pointer.boundary()).isEqualTo(T);
            Map<CellKey, Map<String, Object>> served = ServedRows.of(textConnection.sync(), binaryConnection.sync(), keys(),
                    view, pointer.runId());
            Map<CellKey, Map<String, Object>> direct = retained(ServedRows.expected(view, expected));
            assertThat(served).isNotEmpty().isEqualTo(direct);
        }
        assertThat(run.get("eventsRead").asLong()).isEqualTo(readable); // edge-late is decoded, then left out
        assertThat(run.get("duplicatesDropped").asLong()).isEqualTo(duplicateCopies);
        assertThat(run.get("recordsSkipped").asLong()).isEqualTo(1);
        assertThat(run.get("skipped").get(0).asString()).contains(archive.paths.key(corrupt));
        assertThat(run.get("views").asInt()).isEqualTo(2);
        assertThat(run.get("progress").get("filesRead").asLong()).isEqualTo(run.get("progress").get("filesTotal").asLong())
                .isEqualTo(10);
        assertThat(run.get("progress").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(meters.get("lambda.batch.last.success").gauge().value()).isPositive();
        assertThat(meters.get("lambda.batch.last.boundary").gauge().value()).isEqualTo(T.getEpochSecond());
    }

    @Test
    void shouldKeepMinuteRowsOnlyWithinTheirRetention() {
        BatchHttp http = new BatchHttp(port);
        String runId = http.post("/api/v1/batch/runs", "{\"boundary\": \"" + T + "\"}").body().get("runId").asString();
        assertThat(awaitFinished(http, runId).get("status").asString()).isEqualTo("COMPLETED");

        ViewDefinition purchases = VIEWS.get(0);
        Map<CellKey, Map<String, Object>> served = ServedRows.of(textConnection.sync(), binaryConnection.sync(), keys(),
                purchases, runId);
        Instant cutoff = T.minus(Duration.ofHours(1));
        assertThat(served.keySet()).filteredOn(c -> c.granularity() == Granularity.MINUTE)
                .isNotEmpty().allMatch(c -> !c.bucketStart().isBefore(cutoff));
        // the late events' hour rows (three hours back) are kept
        assertThat(served.keySet()).anyMatch(c -> c.granularity() == Granularity.HOUR && c.bucketStart().isBefore(cutoff));
    }

    @Test
    void shouldRefuseBoundariesAboveTheWatermarkOrBetweenSlotStarts() {
        BatchHttp http = new BatchHttp(port);

        BatchHttp.Answer above = http.post("/api/v1/batch/runs", "{\"boundary\": \"" + T.plusSeconds(300) + "\"}");
        BatchHttp.Answer between = http.post("/api/v1/batch/runs", "{\"boundary\": " + T.minusSeconds(60).toEpochMilli() + "}");
        BatchHttp.Answer garbage = http.post("/api/v1/batch/runs", "{\"boundary\": \"yesterday\"}");

        assertThat(above.status()).isEqualTo(400);
        assertThat(above.contentType()).startsWith("application/problem+json");
        assertThat(above.body().get("type").asString()).isEqualTo("urn:problem:lambda:boundary-refused");
        assertThat(above.body().get("detail").asString()).contains("highest allowed boundary is " + T);
        assertThat(above.body().get("maximum").asString()).isEqualTo(T.toString());
        assertThat(between.status()).isEqualTo(400);
        assertThat(between.body().get("detail").asString()).contains("not the start of a").contains(T.toString());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("type").asString()).isEqualTo("urn:problem:lambda:invalid-boundary");
    }

    @Test
    void shouldAnswerUnknownRunsAndBadLimitsWithProblems() {
        BatchHttp http = new BatchHttp(port);

        BatchHttp.Answer unknown = http.get("/api/v1/batch/runs/no-such-run");
        BatchHttp.Answer badLimit = http.get("/api/v1/batch/runs?limit=0");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("type").asString()).isEqualTo("urn:problem:lambda:unknown-run");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("type").asString()).isEqualTo("urn:problem:lambda:invalid-parameter");
    }

    @Test
    void shouldStartOneOfTwoConcurrentRunsAndRefuseTheOther() throws Exception {
        BatchHttp http = new BatchHttp(port);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<BatchHttp.Answer>> requests = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return http.post("/api/v1/batch/runs", "{}");
            }));
        }

        go.countDown();
        List<BatchHttp.Answer> answers = new ArrayList<>();
        for (CompletableFuture<BatchHttp.Answer> request : requests) {
            answers.add(request.get());
        }

        assertThat(answers).extracting(BatchHttp.Answer::status).containsExactlyInAnyOrder(202, 409);
        BatchHttp.Answer accepted = answers.stream().filter(a -> a.status() == 202).findFirst().orElseThrow();
        BatchHttp.Answer refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:problem:lambda:batch-run-in-progress");
        assertThat(refused.body().get("runId").asString()).isEqualTo(accepted.body().get("runId").asString());
        assertThat(awaitFinished(http, accepted.body().get("runId").asString()).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldRemoveTheOlderRunOnceANewerOneServesAndListRunsNewestFirst() {
        BatchHttp http = new BatchHttp(port);
        String first = http.post("/api/v1/batch/runs", "{}").body().get("runId").asString();
        awaitFinished(http, first);
        String second = http.post("/api/v1/batch/runs", "{}").body().get("runId").asString();
        awaitFinished(http, second);

        ViewDefinition purchases = VIEWS.get(0);
        ServingKeys keys = keys();
        assertThat(textConnection.sync().zrange(keys.runs(purchases.name(), purchases.version()), 0, -1))
                .contains(second).doesNotContain(first);
        assertThat(textConnection.sync().exists(keys.batchIndex(purchases.name(), purchases.version(), first))).isZero();
        assertThat(ServedRows.of(textConnection.sync(), binaryConnection.sync(), keys, purchases, first)).isEmpty();
        assertThat(textConnection.sync().keys(STACK.prefix + "stage:*")).isEmpty();

        JsonNode recent = http.get("/api/v1/batch/runs?limit=2").body();
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).get("runId").asString()).isEqualTo(second);
        assertThat(recent.get(1).get("runId").asString()).isEqualTo(first);
    }

    static JsonNode awaitFinished(BatchHttp http, String runId) {
        return await("run " + runId).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/batch/runs/" + runId).body(), b -> !b.get("status").asString().equals("STARTED"));
    }

    static Map<CellKey, Map<String, Object>> retained(Map<CellKey, Map<String, Object>> rows) {
        Instant cutoff = T.minus(Duration.ofHours(1));
        rows.keySet().removeIf(c -> c.granularity() == Granularity.MINUTE && c.bucketStart().isBefore(cutoff));
        return rows;
    }

    static ServingKeys keys() {
        return new ServingKeys(STACK.prefix);
    }

    static Event purchase(String id, Instant time, Instant ingest, String product, long amount, String user) {
        return Event.of(id, "purchase", time, Map.of("product", product, "amount", amount, "userId", user))
                .withIngestTime(ingest);
    }

    static Event visit(String id, Instant time, Instant ingest, int i) {
        return Event.of(id, "visit", time, Map.of("country", i % 2 == 0 ? "DE" : "FR", "device", "d" + (i % 3),
                "seconds", (long) i)).withIngestTime(ingest);
    }
}
