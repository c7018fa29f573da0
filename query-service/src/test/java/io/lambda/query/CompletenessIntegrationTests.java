package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lambda.core.event.Event;
import io.lambda.core.serving.ArchiveWatermarks;
import io.lambda.core.serving.Chunks;
import io.lambda.core.view.ViewDefinition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The completeness envelope against real end offsets: with the speed layer's flushed positions behind the topic's
 * end the lag is positive and the answer incomplete; caught up, it is complete; a record appended just before a query
 * makes it incomplete again (end offsets are read after the query arrived, never from an older lookup). Also
 * {@code /status}.
 */
class CompletenessIntegrationTests extends AbstractQueryIntegrationTests {

    static final ViewDefinition LAGGING = view("lagging");

    @Test
    void shouldReportTheSpeedLagAndCompleteOnlyWhenCaughtUp() throws Exception {
        Instant base = Chunks.slotChunkStart(Instant.now()).minus(Duration.ofHours(1));
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant ingest = base.plusSeconds(i * 97L);
            events.add(new TestEvent(Event.of("b-" + i, "beat", ingest, Map.of()), i % PARTITIONS, ingest));
        }
        produce(0, 4);
        produce(1, 2);
        Map<Integer, Long> ends = endOffsets();
        // partition 0 three records behind, partition 1 never flushed (its whole log), partition 2 caught up
        WRITER.writeSpeed(LAGGING, events, Map.of(0, ends.get(0) - 3, 2, ends.get(2)));
        WRITER.text().del(KEYS.speedOffset(LAGGING.name(), LAGGING.version(), 1));
        Map<String, String> range = MergeIntegrationTests.params("from", base, "to", base.plus(Duration.ofHours(1)));

        JsonNode behind = http.get("/api/v1/views/lagging/series", range).body();
        assertThat(behind.get("completeness").get("speedLag").asLong()).isEqualTo(3 + ends.get(1));
        assertThat(behind.get("completeness").get("complete").asBoolean()).isFalse();
        assertThat(behind.get("completeness").get("boundary").isNull()).isTrue();
        assertThat(behind.get("boundary").isNull()).isTrue();
        assertThat(sum(behind, "beats")).isEqualTo(events.size());
        assertThat(behind.get("points").get(0).get("source").asString()).isEqualTo("speed");
        QueryHttp.Answer noDimension = http.get("/api/v1/views/lagging/groups", range);
        assertThat(noDimension.status()).isEqualTo(400);
        assertThat(noDimension.body().get("type").asString()).isEqualTo("urn:problem:lambda:invalid-parameter");
        assertThat(noDimension.body().get("parameter").asString()).isEqualTo("by");

        for (int p = 0; p < PARTITIONS; p++) {
            WRITER.setOffset(LAGGING, p, ends.get(p));
        }
        JsonNode caughtUp = http.get("/api/v1/views/lagging/series", range).body();
        assertThat(caughtUp.get("completeness").get("speedLag").asLong()).isZero();
        assertThat(caughtUp.get("completeness").get("complete").asBoolean()).isTrue();

        produce(2, 1);
        JsonNode justAppended = http.get("/api/v1/views/lagging/series", range).body();
        assertThat(justAppended.get("completeness").get("speedLag").asLong()).isEqualTo(1);
        assertThat(justAppended.get("completeness").get("complete").asBoolean()).isFalse();
    }

    @Test
    void shouldReportTheStatusOfEveryLayer() throws Exception {
        Instant now = Instant.now();
        WRITER.text().hset(KEYS.archiveWatermark(), Map.of(
                ArchiveWatermarks.field(0), ArchiveWatermarks.value(now.minusSeconds(5)),
                ArchiveWatermarks.field(1), ArchiveWatermarks.value(now.minusSeconds(9)),
                ArchiveWatermarks.field(2), ArchiveWatermarks.value(now.minusSeconds(1))));
        BATCH.answer("[{\"runId\": \"r-9\", \"status\": \"STARTED\", \"boundary\": \"2026-11-24T10:00:00Z\","
                + " \"startedAt\": \"2026-11-24T10:12:00Z\", \"finishedAt\": null}]");
        Map<Integer, Long> ends = endOffsets();
        QueryHttp.Answer answer = http.get("/api/v1/status");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode status = answer.body();
        assertThat(status.get("ingest").get("partitions").asInt()).isEqualTo(PARTITIONS);
        assertThat(status.get("ingest").get("endOffsets").asLong())
                .isGreaterThanOrEqualTo(ends.values().stream().mapToLong(Long::longValue).sum());
        assertThat(Instant.parse(status.get("archive").get("watermark").asString()).toEpochMilli())
                .isEqualTo(now.minusSeconds(9).toEpochMilli());
        assertThat(status.get("speed").get("lag").asLong()).isNotNegative();
        assertThat(status.get("speed").has("state")).isTrue();
        assertThat(status.get("batch").get("running").asBoolean()).isTrue();
        JsonNode lastRun = status.get("batch").get("lastRun");
        assertThat(lastRun.get("runId").asString()).isEqualTo("r-9");
        assertThat(lastRun.get("status").asString()).isEqualTo("STARTED");
        assertThat(lastRun.get("boundary").asString()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(lastRun.get("finishedAt").isNull()).isTrue();
        assertThat(status.get("batch").get("service").asString()).isEqualTo("reachable");
        assertThat(status.get("batch").has("boundary")).isTrue();
        assertThat(status.get("freshness").has("speedLagMs")).isTrue();
        assertThat(status.get("freshness").has("batchAgeMs")).isTrue();
        List<String> names = new ArrayList<>();
        status.get("views").forEach(view -> names.add(view.get("name").asString()));
        assertThat(names).containsExactly("shop", "flips", "versioned", "lagging", "skewed", "floored");
        JsonNode lagging = status.get("views").get(3);
        assertThat(lagging.get("serving").asString()).isEqualTo(LAGGING.version());
        assertThat(lagging.get("pending").isNull()).isTrue();
    }

    @Test
    void shouldReadPartialsStampedByABrokerClockHoursAhead() {
        ViewDefinition skewed = view("skewed");
        Instant ahead = Chunks.slotChunkStart(Instant.now()).plus(Duration.ofHours(3));
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant ingest = ahead.plusSeconds(i * 60L);
            events.add(new TestEvent(Event.of("s-" + i, "skew", ingest.minusSeconds(30), Map.of()), i % PARTITIONS,
                    ingest));
        }
        WRITER.writeSpeed(skewed, events, endOffsets());
        JsonNode answer = http.get("/api/v1/views/skewed/series", MergeIntegrationTests.params("from",
                ahead.minus(Duration.ofHours(1)), "to", ahead.plus(Duration.ofHours(1)))).body();
        assertThat(sum(answer, "skews")).isEqualTo(events.size());
    }

    private static long sum(JsonNode series, String metric) {
        long total = 0;
        for (JsonNode point : series.get("points")) {
            total += point.get("metrics").get(metric).asLong();
        }
        return total;
    }

    private static void produce(int partition, int records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = STACK.newProducer()) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, partition, "k" + i, new byte[] {1})).get(30,
                        TimeUnit.SECONDS);
            }
        }
    }
}
