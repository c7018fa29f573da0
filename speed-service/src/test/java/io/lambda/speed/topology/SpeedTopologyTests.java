package io.lambda.speed.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lambda.core.event.Event;
import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.Cells;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.redis.BatchPointerPublisher;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.Rollup;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.Granularity;
import io.lambda.speed.SpeedRedis;
import io.lambda.speed.publish.RedisPartialWriter;
import io.lambda.test.LambdaStack;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SpeedTopologyTests {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final ViewVersion PAGES = ViewVersion.of(TopologyRig.DEFINITIONS.get(0));
    static final ViewVersion PRO = ViewVersion.of(TopologyRig.DEFINITIONS.get(1));
    static final ViewFold FOLD = new ViewFold(TopologyRig.DEFINITIONS, SketchSettings.DEFAULTS);

    /** What the speed layer must hold: the fold of each event at its effective ingest time. */
    private final Cells expectedCells = new Cells();
    private @Nullable Instant effective;

    @Test
    void shouldWriteEveryMetricKindOfEveryViewPerIngestSlotWithThePosition() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
            sendAndExpect(rig, pageview("a1", "/home", "DE", "u1", 120, T0.minusSeconds(30)), T0.plusSeconds(1));
            sendAndExpect(rig, pageview("a2", "/home", "FR", "u2", 80, T0.plusSeconds(10)), T0.plusSeconds(20));
            sendAndExpect(rig, pageview("a3", "/pricing", "DE", "u1", 300, T0.plusSeconds(400)), T0.plusSeconds(401));
            sendAndExpect(rig, pageview("a4", "/home", "DE", "u3", 50, T0.plusSeconds(3700)), T0.plusSeconds(3720));
            sendAndExpect(rig, signup("s1", "pro", T0.plusSeconds(5)), T0.plusSeconds(30));
            sendAndExpect(rig, signup("s2", "free", T0.plusSeconds(6)), T0.plusSeconds(31));

            rig.flush();

            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));
            assertThat(partials(rig, PRO)).isEqualTo(expectedOf(PRO));
            assertThat(partials(rig, PRO)).hasSize(1);
            assertThat(partials(rig, PAGES).keySet()).extracting(CellKey::slot).containsOnly(
                    T0.getEpochSecond(), T0.plusSeconds(300).getEpochSecond(), T0.plusSeconds(3600).getEpochSecond());
            assertThat(SpeedRedis.offset(rig.keys, PAGES, 0)).isEqualTo(6);
            assertThat(SpeedRedis.offset(rig.keys, PRO, 0)).isEqualTo(6);
            assertThat(SpeedRedis.strings().get(rig.keys.speedFrom(PAGES.name(), PAGES.version(), 0))).isEqualTo("0");
            assertThat(SpeedRedis.strings().smembers(rig.keys.speedPartitions(PAGES.name(), PAGES.version())))
                    .containsExactly("0");
            String hash = rig.keys.speedPartial(PAGES.name(), PAGES.version(), 0, Granularity.MINUTE, Rollup.none(),
                    T0);
            assertThat(SpeedRedis.strings().hget(hash, "~offset")).isEqualTo("6");
            assertThat(rig.counter("lambda.speed.events.processed")).isEqualTo(6);
        }
    }

    @Test
    void shouldFlushThePositionOfEveryVersionEvenWithoutChangedCells() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
            sendAndExpect(rig, pageview("b1", "/home", "DE", "u1", 1, T0), T0);
            rig.flush();
            sendAndExpect(rig, pageview("b2", "/home", "DE", "u1", 1, T0), T0.plusSeconds(1));

            rig.flush();

            assertThat(SpeedRedis.offset(rig.keys, PRO, 0)).isEqualTo(2);
            assertThat(partials(rig, PRO)).isEmpty();
            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));
        }
    }

    @Test
    void shouldCountAnIdOnceWithinTheDedupWindowAndAgainAfterIt() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(1))) {
            Event event = pageview("d1", "/home", "DE", "u1", 10, T0);
            sendAndExpect(rig, event, T0);
            rig.send(event, T0.plusSeconds(600)); // within the window: a duplicate
            rig.send(event, T0.plusSeconds(3599));
            sendAndExpect(rig, event, T0.plusSeconds(3600)); // a window after the first copy: counted again

            rig.flush();

            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));
            assertThat(rig.counter("lambda.speed.records.skipped", "reason", "duplicate")).isEqualTo(2);
            assertThat(rig.counter("lambda.speed.events.processed")).isEqualTo(2);
        }
    }

    @Test
    void shouldFoldALateEventIntoItsEventTimeBucketInTheCurrentIngestSlot() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
            Instant threeDaysAgo = T0.minus(Duration.ofDays(3)).plusSeconds(42);
            sendAndExpect(rig, pageview("l1", "/old", "DE", "u1", 10, threeDaysAgo), T0.plusSeconds(700));

            rig.flush();

            Map<CellKey, String> partials = partials(rig, PAGES);
            assertThat(partials).isEqualTo(expectedOf(PAGES));
            assertThat(partials.keySet()).allSatisfy(key -> {
                assertThat(key.slot()).isEqualTo(T0.plusSeconds(600).getEpochSecond());
                assertThat(key.bucketStart()).isEqualTo(key.granularity().bucketStart(threeDaysAgo));
            });
        }
    }

    @Test
    void shouldSlotByTheEffectiveIngestTimeWhenLogAppendTimeStepsBack() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
            sendAndExpect(rig, pageview("e1", "/home", "DE", "u1", 10, T0), T0.plusSeconds(310));
            sendAndExpect(rig, pageview("e2", "/home", "DE", "u2", 10, T0), T0.plusSeconds(290)); // new leader's clock

            rig.flush();

            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));
            assertThat(partials(rig, PAGES).keySet()).extracting(CellKey::slot)
                    .containsOnly(T0.plusSeconds(300).getEpochSecond());
        }
    }

    @Test
    void shouldSendUnreadableAndInvalidRecordsToTheDeadLetterTopicAndKeepGoing() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
            rig.sendRaw("x1".getBytes(), new byte[] {1, 2, 3, 4, 5}, T0);
            rig.sendRaw("x2".getBytes(), null, T0);
            rig.send(pageview("bad id!", "/home", "DE", "u1", 10, T0), T0);
            sendAndExpect(rig, pageview("ok1", "/home", "DE", "u1", 10, T0), T0.plusSeconds(1));

            rig.flush();

            List<TestRecord<byte[], byte[]>> dead = rig.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> header(r, "lambda-dlt-reason"))
                    .containsExactly("undecodable", "no-value", "invalid");
            assertThat(dead).extracting(r -> ByteBuffer.wrap(r.headers().lastHeader("kafka_dlt-original-offset")
                    .value()).getLong()).containsExactly(0L, 1L, 2L);
            assertThat(header(dead.get(2), "kafka_dlt-exception-message")).contains("id");
            assertThat(dead.get(0).value()).containsExactly(1, 2, 3, 4, 5);
            assertThat(rig.counter("lambda.speed.records.skipped", "reason", "undecodable")).isEqualTo(1);
            assertThat(rig.counter("lambda.speed.records.skipped", "reason", "invalid")).isEqualTo(1);
            assertThat(rig.counter("lambda.speed.records.skipped", "reason", "no-value")).isEqualTo(1);
            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));
            assertThat(SpeedRedis.offset(rig.keys, PAGES, 0)).isEqualTo(4);
        }
    }

    @Test
    void shouldWriteTheSamePartialsWhenTheSameInputIsReplayed() {
        List<Map<CellKey, String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
                for (int i = 0; i < 300; i++) {
                    Event event = pageview("r" + (i % 250), "/p" + (i % 7), i % 3 == 0 ? "DE" : "FR", "u" + (i % 40),
                            i, T0.plusSeconds(i * 7L));
                    rig.send(event, T0.plusSeconds(i * 13L));
                    if (i % 50 == 0) {
                        rig.flush();
                    }
                }
                rig.flush();
                Map<CellKey, String> partials = partials(rig, PAGES);
                partials.put(new CellKey(PAGES, Granularity.MINUTE, Rollup.none(), 0, List.of(), 0),
                        String.valueOf(SpeedRedis.offset(rig.keys, PAGES, 0)));
                runs.add(partials);
            }
        }
        assertThat(runs.get(0)).hasSizeGreaterThan(100).isEqualTo(runs.get(1));
    }

    @Test
    void shouldRewriteEveryPartialWhenRedisLostItsData() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
            sendAndExpect(rig, pageview("g1", "/home", "DE", "u1", 10, T0), T0);
            sendAndExpect(rig, signup("g2", "pro", T0), T0.plusSeconds(400));
            rig.flush();
            SpeedRedis.deleteAll(rig.keys);
            sendAndExpect(rig, pageview("g3", "/home", "FR", "u2", 10, T0), T0.plusSeconds(500));

            rig.flush();

            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));
            assertThat(partials(rig, PRO)).isEqualTo(expectedOf(PRO));
            assertThat(SpeedRedis.offset(rig.keys, PAGES, 0)).isEqualTo(3);
            assertThat(SpeedRedis.strings().get(rig.keys.speedFrom(PAGES.name(), PAGES.version(), 0))).isEqualTo("0");
            assertThat(rig.counter("lambda.speed.flush.rewrites")).isEqualTo(2);
        }
    }

    @Test
    void shouldDropPartialsBeforeThePublishedBoundaryAfterTheGracePeriod() {
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24))) {
            Instant nextHour = T0.plusSeconds(3600);
            sendAndExpect(rig, pageview("c1", "/home", "DE", "u1", 10, T0), T0.plusSeconds(60));
            sendAndExpect(rig, pageview("c2", "/home", "DE", "u1", 10, nextHour), nextHour.plusSeconds(60));
            sendAndExpect(rig, pageview("c3", "/home", "DE", "u1", 10, nextHour), nextHour.plusSeconds(700));
            rig.flush();
            Instant boundary = nextHour.plusSeconds(600);
            rig.driver.advanceWallClockTime(TopologyRig.CLEANUP); // no pointer yet: nothing is dropped
            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));

            new BatchPointerPublisher(SpeedRedis.strings(), rig.keys).publish(PAGES,
                    BatchPointer.forSlots(TopologyRig.SLOTS, "run-1", boundary, nextHour));
            rig.driver.advanceWallClockTime(TopologyRig.CLEANUP); // first seen
            assertThat(partials(rig, PAGES)).isEqualTo(expectedOf(PAGES));
            rig.driver.advanceWallClockTime(TopologyRig.GRACE);

            Map<CellKey, String> left = partials(rig, PAGES);
            assertThat(left).isNotEmpty().allSatisfy((key, value) ->
                    assertThat(key.speedChunk().chunkStart()).isEqualTo(nextHour));
            assertThat(rig.cells().cells().all().keySet()).isNotEmpty().allSatisfy(key ->
                    assertThat(key.slotStart()).isAfterOrEqualTo(boundary));
            assertThat(left.keySet()).containsAll(rig.cells().cells().all().keySet());
        }
    }

    @Test
    void shouldPublishTheFloorAtCleanupAndRestoreItWithTheRewriteAfterRedisLostItsData() {
        ServingKeys keys = new ServingKeys(LambdaStack.get().newKeyPrefix());
        Instant nextHour = T0.plusSeconds(3600);
        Instant boundary = nextHour.plusSeconds(600);
        String floor = RedisPartialWriter.floorKey(keys, PAGES.name(), PAGES.version(), 0);
        String boundarySeconds = Long.toString(boundary.getEpochSecond());
        try (TopologyRig rig = new TopologyRig(Duration.ofHours(24), keys)) {
            sendAndExpect(rig, pageview("f1", "/home", "DE", "u1", 10, T0), T0.plusSeconds(60));
            sendAndExpect(rig, pageview("f2", "/home", "DE", "u1", 10, nextHour), nextHour.plusSeconds(60));
            sendAndExpect(rig, pageview("f3", "/home", "FR", "u2", 10, nextHour), nextHour.plusSeconds(700));
            rig.flush();
            assertThat(SpeedRedis.strings().get(floor)).isNull(); // never cleaned: holds everything since from

            new BatchPointerPublisher(SpeedRedis.strings(), keys).publish(PAGES,
                    BatchPointer.forSlots(TopologyRig.SLOTS, "run-1", boundary, nextHour));
            rig.driver.advanceWallClockTime(TopologyRig.CLEANUP);
            rig.driver.advanceWallClockTime(TopologyRig.GRACE);
            assertThat(SpeedRedis.strings().get(floor)).isEqualTo(boundarySeconds);
            assertThat(SpeedRedis.strings().get(RedisPartialWriter.floorKey(keys, PRO.name(), PRO.version(), 0)))
                    .as("no pointer of that version, nothing cleaned").isNull();

            SpeedRedis.deleteAll(keys); // FLUSHALL: pointer, partials, offsets, floor gone
            sendAndExpect(rig, pageview("f4", "/home", "DE", "u3", 10, nextHour), nextHour.plusSeconds(800));
            rig.flush();

            assertThat(SpeedRedis.strings().get(floor)).isEqualTo(boundarySeconds);
            assertThat(partials(rig, PAGES)).isNotEmpty().isEqualTo(expectedFrom(PAGES, boundary));
            assertThat(SpeedRedis.offset(keys, PAGES, 0)).isEqualTo(4);

            // a restarted or migrated task reads its floor back from the changelogged meta store
            TaskPosition restored = new TaskPosition(rig.driver.getKeyValueStore(SpeedTopology.META_STORE),
                    List.of(PAGES, PRO));
            assertThat(restored.floor(PAGES)).isEqualTo(boundary.getEpochSecond());
            assertThat(restored.floor(PRO)).isNull();
        }
    }

    /** Sends an event and folds it into the expectation at its effective ingest time (the running maximum). */
    private void sendAndExpect(TopologyRig rig, Event event, Instant logAppendTime) {
        rig.send(event, logAppendTime);
        effective = effective == null || logAppendTime.isAfter(effective) ? logAppendTime : effective;
        FOLD.add(event, effective, TopologyRig.SLOTS, expectedCells);
    }

    private Map<CellKey, String> expectedOf(ViewVersion view) {
        Map<CellKey, String> cells = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        expectedCells.all().forEach((key, aggregate) -> {
            if (key.view().equals(view)) {
                cells.put(key, HexFormat.of().formatHex(FOLD.monoid(view).serialize(aggregate)));
            }
        });
        return new LinkedHashMap<>(cells);
    }

    private Map<CellKey, String> expectedFrom(ViewVersion view, Instant floor) {
        Map<CellKey, String> cells = expectedOf(view);
        cells.keySet().removeIf(key -> key.slotStart().isBefore(floor));
        return cells;
    }

    private static Map<CellKey, String> partials(TopologyRig rig, ViewVersion view) {
        Map<CellKey, String> partials = new LinkedHashMap<>();
        SpeedRedis.partials(rig.keys, view, 0).forEach((key, value) -> partials.put(key,
                HexFormat.of().formatHex(value)));
        return partials;
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static Event pageview(String id, String url, String country, String user, long duration, Instant at) {
        return Event.of(id, "pageview", at, Map.of("url", url, "country", country, "userId", user, "durationMs",
                duration));
    }

    static Event signup(String id, String plan, Instant at) {
        return Event.of(id, "signup", at, Map.of("plan", plan));
    }
}
