package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lambda.core.event.Event;
import io.lambda.core.serving.Chunks;
import io.lambda.core.view.ViewDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Invariant 6 after Redis lost its data: the speed layer rewrote only the partials it still holds (slots from its
 * floor, {@code s:{v:ver:p}:floor}, the old boundary it cleaned up to) and the batch pointer is gone or behind the
 * floor. The answer must then say it is incomplete, with {@code missingBefore}, even at speed lag 0; once a batch
 * pointer reaches the floor it is complete again.
 */
class FloorIntegrationTests extends AbstractQueryIntegrationTests {

    static final ViewDefinition FLOORED = view("floored");

    @Test
    void shouldAnswerIncompleteWhileASpeedFloorIsAboveTheBatchBoundary() {
        Instant base = Chunks.slotChunkStart(Instant.now()).minus(Duration.ofHours(3));
        Instant floor = base.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(30)); // the old T, lost with Redis
        List<TestEvent> all = new ArrayList<>();
        List<TestEvent> speedHolds = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Instant ingest = base.plus(Duration.ofMinutes(7L * i));
            TestEvent event = new TestEvent(Event.of("f-" + i, "drop", ingest, Map.of()), i % PARTITIONS, ingest);
            all.add(event);
            if (!ingest.isBefore(floor)) {
                speedHolds.add(event);
            }
        }
        assertThat(speedHolds).hasSizeBetween(1, all.size() - 1);
        WRITER.writeSpeed(FLOORED, speedHolds, endOffsets()); // the speed layer's rewrite, caught up (lag 0)
        WRITER.text().set(floorKey(0), Long.toString(floor.getEpochSecond()));
        WRITER.text().set(floorKey(1), Long.toString(floor.minus(Duration.ofHours(1)).getEpochSecond()));
        Map<String, String> range = MergeIntegrationTests.params("from", base, "to", base.plus(Duration.ofHours(3)),
                "granularity", "hour");

        JsonNode noPointer = http.get("/api/v1/views/floored/series", range).body().get("completeness");
        assertThat(noPointer.get("speedLag").asLong()).isZero();
        assertThat(noPointer.get("boundary").isNull()).isTrue();
        assertThat(noPointer.get("complete").asBoolean()).isFalse();
        assertThat(noPointer.get("missingBefore").asString()).isEqualTo(floor.toString());
        JsonNode status = http.get("/api/v1/status").body();
        assertThat(status.get("speed").get("missingBefore").asString()).isEqualTo(floor.toString());

        Instant behind = floor.minus(Duration.ofMinutes(10)); // a batch run republished, but not up to the floor yet
        WRITER.writeRun(FLOORED, "run-behind", behind, all);
        WRITER.publish(FLOORED, "run-behind", behind);
        JsonNode behindFloor = http.get("/api/v1/views/floored/series", range).body().get("completeness");
        assertThat(behindFloor.get("boundary").asString()).isEqualTo(behind.toString());
        assertThat(behindFloor.get("speedLag").asLong()).isZero();
        assertThat(behindFloor.get("complete").asBoolean()).isFalse();
        assertThat(behindFloor.get("missingBefore").asString()).isEqualTo(floor.toString());

        WRITER.writeRun(FLOORED, "run-caught-up", floor, all);
        assertThat(WRITER.publish(FLOORED, "run-caught-up", floor).published()).isTrue();
        JsonNode caughtUp = http.get("/api/v1/views/floored/series", range).body();
        JsonNode completeness = caughtUp.get("completeness");
        assertThat(completeness.get("boundary").asString()).isEqualTo(floor.toString());
        assertThat(completeness.get("complete").asBoolean()).isTrue();
        assertThat(completeness.has("missingBefore")).isFalse();
        long drops = 0;
        for (JsonNode point : caughtUp.get("points")) {
            drops += point.get("metrics").get("drops").asLong();
        }
        assertThat(drops).isEqualTo(all.size());
        assertThat(http.get("/api/v1/status").body().get("speed").has("missingBefore")).isFalse();
    }

    /** The documented key (lambda-core/KEYS.md), spelled out rather than built by the code under test. */
    private static String floorKey(int partition) {
        return PREFIX + "s:{" + FLOORED.name() + ":" + FLOORED.version() + ":" + partition + "}:floor";
    }
}
