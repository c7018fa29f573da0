package io.lambda.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.lambda.batch.job.RunHistory;
import io.lambda.batch.job.RunLauncher;
import io.lambda.batch.job.RunParameters;
import io.lambda.core.event.Event;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewDefinition;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import tools.jackson.databind.JsonNode;

/**
 * Isolation and restart on the real stack, as one story: a run fails in one partition (corrupt data past the skip
 * limit) and publishes nothing while the previous run keeps serving; once the data is repaired the restarted run
 * reads only the failed partition again and publishes; a run whose process died (recorded as running, no process)
 * is recovered and restarted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureAndRecoveryIntegrationTests {

    static final BatchStack STACK = new BatchStack(3);
    static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    static final Instant T1 = T0.plusSeconds(600);
    static final List<ViewDefinition> VIEWS = ViewCatalogLoader.load("classpath:batch-views.yml").views();

    static RedisClient redis;
    static StatefulRedisConnection<String, String> text;
    static StatefulRedisConnection<byte[], byte[]> binary;
    static ArchiveFixture archive;
    static List<ArchiveFile> corrupt = new ArrayList<>();
    static String firstRun;
    static String failedRun;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        STACK.properties(Map.of("lambda.batch.skip-limit", "1")).forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void dataset() {
        redis = RedisClient.create(STACK.stack.redis().uri().toString());
        text = redis.connect();
        binary = redis.connect(ByteArrayCodec.INSTANCE);
        archive = new ArchiveFixture(ObjectStore.create(STACK.bucket));
        writeSlots(List.of(T0.minusSeconds(600), T0.minusSeconds(300)));
        ArchiveFixture.watermark(text.sync(), keys(), STACK.partitions, T0.plusSeconds(60));
    }

    @AfterAll
    static void close() {
        text.close();
        binary.close();
        redis.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    RunHistory history;

    @Autowired
    RunLauncher launcher;

    @Autowired
    JobRepository jobs;

    @Test
    @Order(1)
    void shouldPublishNothingWhenOnePartitionFailsAndKeepThePreviousRunServing() {
        BatchHttp http = new BatchHttp(port);
        firstRun = http.post("/api/v1/batch/runs", "{}").body().get("runId").asString();
        assertThat(RecomputeViewsIntegrationTests.awaitFinished(http, firstRun).get("status").asString()).isEqualTo("COMPLETED");
        writeSlots(List.of(T0, T0.plusSeconds(300)));
        corrupt.add(archive.writeCorrupt(T0.plusSeconds(300), 1, 5));
        corrupt.add(archive.writeCorrupt(T0.plusSeconds(300), 1, 5));
        ArchiveFixture.watermark(text.sync(), keys(), STACK.partitions, T1.plusSeconds(60));

        BatchHttp.Answer started = http.post("/api/v1/batch/runs", "{}");
        failedRun = started.body().get("runId").asString();
        JsonNode run = RecomputeViewsIntegrationTests.awaitFinished(http, failedRun);

        assertThat(started.body().get("boundary").asString()).isEqualTo(T1.toString());
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("error").asString()).isNotBlank();
        for (ViewDefinition view : VIEWS) {
            BatchPointer pointer = ServedRows.pointer(text.sync(), keys(), ViewVersion.of(view));
            assertThat(pointer.runId()).isEqualTo(firstRun);
            assertThat(pointer.boundary()).isEqualTo(T0);
            assertThat(ServedRows.of(text.sync(), binary.sync(), keys(), view, firstRun))
                    .isEqualTo(ServedRows.expected(view, archive.expected(T0)));
            assertThat(text.sync().exists(keys().batchIndex(view.name(), view.version(), failedRun))).isZero();
        }
    }

    @Test
    @Order(2)
    void shouldResumeARestartedRunWithoutReadingTheCompletedPartitionsAgain() {
        BatchHttp http = new BatchHttp(port);
        for (ArchiveFile file : corrupt) {
            List<Event> repaired = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                repaired.add(event("fixed-" + file.firstOffset() + "-" + i, file.slot().plusSeconds(200 + i)));
            }
            archive.repair(file, repaired);
        }

        BatchHttp.Answer restarted = http.post("/api/v1/batch/runs/" + failedRun + "/restart", "");
        JsonNode run = RecomputeViewsIntegrationTests.awaitFinished(http, failedRun);

        assertThat(restarted.status()).isEqualTo(202);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("executions").asInt()).isEqualTo(2);
        List<JobExecution> executions = history.executions(failedRun);
        assertThat(readSteps(executions.get(0))).containsOnlyKeys("readPartition:p0", "readPartition:p1", "readPartition:p2");
        assertThat(readSteps(executions.get(0)).get("readPartition:p1").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(readSteps(executions.get(1))).containsOnlyKeys("readPartition:p1");
        assertThat(readSteps(executions.get(1)).get("readPartition:p1").getReadCount())
                .isEqualTo(archive.expected(T1).stream().filter(e -> partitionOf(e) == 1).count());
        for (ViewDefinition view : VIEWS) {
            BatchPointer pointer = ServedRows.pointer(text.sync(), keys(), ViewVersion.of(view));
            assertThat(pointer.runId()).isEqualTo(failedRun);
            assertThat(pointer.boundary()).isEqualTo(T1);
            assertThat(ServedRows.of(text.sync(), binary.sync(), keys(), view, failedRun))
                    .isEqualTo(ServedRows.expected(view, archive.expected(T1)));
        }
        // 12 copies of an earlier id (one per slot file): decoded and dropped
        assertThat(run.get("duplicatesDropped").asLong()).isEqualTo(12);
        assertThat(run.get("eventsRead").asLong()).isEqualTo(archive.expected(T1).size() + 12);
    }

    @Test
    @Order(3)
    void shouldRecoverARunWhoseProcessDiedAndRestartIt() {
        BatchHttp http = new BatchHttp(port);
        RunParameters dead = new RunParameters(T1, "dead-run-1");
        JobInstance instance = jobs.createJobInstance("recomputeViews", dead.toJobParameters());
        JobExecution execution = jobs.createJobExecution(instance, dead.toJobParameters(), new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.STARTED);
        jobs.update(execution);

        List<Long> recovered = launcher.recoverDeadRuns();
        JsonNode run = RecomputeViewsIntegrationTests.awaitFinished(http, dead.runId());

        assertThat(recovered).containsExactly(execution.getId());
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        List<JobExecution> executions = history.executions(dead.runId());
        assertThat(executions).extracting(JobExecution::getStatus).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(executions.get(0).getExecutionContext().containsKey("batch.recovered")).isTrue();
        for (ViewDefinition view : VIEWS) {
            assertThat(ServedRows.pointer(text.sync(), keys(), ViewVersion.of(view)).runId()).isEqualTo(dead.runId());
            assertThat(ServedRows.of(text.sync(), binary.sync(), keys(), view, dead.runId()))
                    .isEqualTo(ServedRows.expected(view, archive.expected(T1)));
        }
    }

    static Map<String, StepExecution> readSteps(JobExecution execution) {
        Map<String, StepExecution> steps = new java.util.TreeMap<>();
        execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("readPartition:"))
                .forEach(s -> steps.put(s.getStepName(), s));
        return steps;
    }

    static void writeSlots(List<Instant> slots) {
        for (Instant slot : slots) {
            for (int p = 0; p < STACK.partitions; p++) {
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    events.add(event("e-" + slot.getEpochSecond() + "-" + p + "-" + i, slot.plusSeconds(i * 5L + 1)));
                }
                // a copy of this partition's first event: dropped
                events.add(event("e-" + T0.minusSeconds(600).getEpochSecond() + "-" + p + "-0", slot.plusSeconds(290)));
                archive.write(slot, p, events);
            }
        }
    }

    static Event event(String id, Instant ingest) {
        int n = Math.floorMod(id.hashCode(), 1000);
        return n % 4 == 0
                ? Event.of(id, "visit", ingest.minusSeconds(30), Map.of("country", "C" + n % 3, "device", "d", "seconds", (long) n))
                        .withIngestTime(ingest)
                : Event.of(id, "purchase", ingest.minusSeconds(n), Map.of("product", "p" + n % 5, "amount", (long) n,
                        "userId", "u" + n % 11)).withIngestTime(ingest);
    }

    static int partitionOf(Event event) {
        return archive.partitionOf(event.id());
    }

    static ServingKeys keys() {
        return new ServingKeys(STACK.prefix);
    }
}
