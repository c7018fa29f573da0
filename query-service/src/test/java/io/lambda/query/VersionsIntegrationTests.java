package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.lambda.core.event.Event;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.serving.Chunks;
import io.lambda.core.view.ViewDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A changed definition (invariant 4): views.yml holds the new version of {@code versioned}, the registry holds the
 * old one (computed and batch-published) and the new one (speed started later). The old version keeps serving from
 * its stored definition and the envelope names the pending one; once a batch run of the new version covers the slot
 * where the speed layer started it, the new version serves.
 */
class VersionsIntegrationTests extends AbstractQueryIntegrationTests {

    static final ViewDefinition NEW = view("versioned");
    static final ViewDefinition OLD = ViewDefinition.of("versioned", "Ticks, first definition", "tick", Map.of(),
            List.of("kind"), NEW.granularities(), List.of(MetricSpec.count("ticks")));

    @Test
    void shouldServeTheOldVersionUntilTheNewOneIsRecomputed() {
        Instant base = Chunks.slotChunkStart(Instant.now()).minus(Duration.ofHours(3));
        Instant oldBoundary = base.plus(Duration.ofMinutes(30));
        Instant newStart = base.plus(Duration.ofMinutes(60));
        Instant newBoundary = base.plus(Duration.ofMinutes(90));
        List<TestEvent> events = events(base);
        Instant registered = Instant.now().minus(Duration.ofDays(1));
        WRITER.register(OLD, registered);
        WRITER.register(NEW, registered.plusSeconds(60));
        WRITER.writeRun(OLD, "old-1", oldBoundary, events);
        WRITER.publish(OLD, "old-1", oldBoundary);
        Map<Integer, Long> ends = endOffsets();
        WRITER.writeSpeed(OLD, events, ends);
        // the speed layer started the new version later: partials only from the slot after its first one
        WRITER.writeSpeed(NEW, events.stream().filter(e -> !e.ingestTime().isBefore(newStart)).toList(), ends);
        for (int p = 0; p < PARTITIONS; p++) {
            WRITER.setFrom(NEW, p, newStart);
        }
        Map<String, String> range = MergeIntegrationTests.params("from", base.minus(Duration.ofMinutes(10)), "to",
                base.plus(Duration.ofMinutes(160)));

        QueryHttp.Answer before = http.get("/api/v1/views/versioned/series", range);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body().get("version").asString()).isEqualTo(OLD.version());
        assertThat(before.body().get("completeness").get("pendingVersion").asString()).isEqualTo(NEW.version());
        assertThat(before.body().get("completeness").get("boundary").asString()).isEqualTo(oldBoundary.toString());
        assertThat(totals(before.body(), "ticks")).isEqualTo(events.size());
        assertThat(before.body().get("points").get(0).get("metrics").has("total")).isFalse();
        QueryHttp.Answer newMetric = http.get("/api/v1/views/versioned/series", with(range, "metrics", "total"));
        assertThat(newMetric.status()).isEqualTo(400);
        assertThat(newMetric.body().get("type").asString()).isEqualTo("urn:problem:lambda:unknown-metric");
        JsonNode listed = versionedOf(http.get("/api/v1/views").body());
        assertThat(listed.get("version").asString()).isEqualTo(OLD.version());
        assertThat(listed.get("pendingVersion").asString()).isEqualTo(NEW.version());
        assertThat(listed.get("description").asString()).isEqualTo("Ticks, first definition");

        // a batch run of the new version before its start slot does not make it ready
        WRITER.writeRun(NEW, "new-0", base.plus(Duration.ofMinutes(55)), events);
        WRITER.publish(NEW, "new-0", base.plus(Duration.ofMinutes(55)));
        assertThat(http.get("/api/v1/views/versioned/series", range).body().get("version").asString())
                .isEqualTo(OLD.version());

        WRITER.writeRun(NEW, "new-1", newBoundary, events);
        WRITER.publish(NEW, "new-1", newBoundary);
        QueryHttp.Answer after = http.get("/api/v1/views/versioned/series", range);
        assertThat(after.body().get("version").asString()).isEqualTo(NEW.version());
        assertThat(after.body().get("completeness").get("pendingVersion").isNull()).isTrue();
        assertThat(after.body().get("completeness").get("boundary").asString()).isEqualTo(newBoundary.toString());
        assertThat(totals(after.body(), "ticks")).isEqualTo(events.size());
        assertThat(totals(after.body(), "total")).isEqualTo(events.stream()
                .mapToLong(e -> (Long) e.event().attributes().get("value")).sum());
        JsonNode status = http.get("/api/v1/status").body();
        JsonNode versioned = null;
        for (JsonNode view : status.get("views")) {
            if (view.get("name").asString().equals("versioned")) {
                versioned = view;
            }
        }
        assertThat(versioned.get("serving").asString()).isEqualTo(NEW.version());
        assertThat(versioned.get("pending").isNull()).isTrue();
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(parameters);
        copy.put(name, value);
        return copy;
    }

    private static JsonNode versionedOf(JsonNode views) {
        for (JsonNode view : views) {
            if (view.get("name").asString().equals("versioned")) {
                return view;
            }
        }
        throw new AssertionError("versioned not listed: " + views);
    }

    private static long totals(JsonNode series, String metric) {
        long total = 0;
        for (JsonNode point : series.get("points")) {
            total += point.get("metrics").get(metric).asLong();
        }
        return total;
    }

    private static List<TestEvent> events(Instant base) {
        Random random = new Random(11);
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant ingest = base.plusSeconds(random.nextInt(150 * 60));
            events.add(new TestEvent(Event.of("t-" + i, "tick", ingest.minusSeconds(random.nextInt(120)),
                    Map.of("kind", random.nextBoolean() ? "a" : "b", "value", (long) random.nextInt(100))),
                    random.nextInt(PARTITIONS), ingest));
        }
        return events;
    }
}
