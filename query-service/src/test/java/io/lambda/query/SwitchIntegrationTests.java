package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.lambda.core.event.Event;
import io.lambda.core.serving.Chunks;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Queries run concurrently with a batch switch driven as the batch layer does it: the new run's rows first, then the
 * pointer, then (after every query that may hold the old pointer has finished: the grace period) the speed partials
 * before the new boundary and the old run's rows are deleted. Every answer is checked bucket by bucket; none may count
 * an event twice or miss one.
 */
class SwitchIntegrationTests extends AbstractQueryIntegrationTests {

    static final ViewDefinition FLIPS = view("flips");
    static final int WORKERS = 3;

    @Test
    void shouldAnswerExactlyWhileThePointerSwitchesAndOldPartialsAreDeleted() throws Exception {
        Instant base = Chunks.slotChunkStart(Instant.now()).minus(Duration.ofHours(3));
        Instant first = base.plus(Duration.ofMinutes(20));
        Instant second = base.plus(Duration.ofMinutes(80));
        Instant from = base.minus(Duration.ofMinutes(10));
        Instant to = base.plus(Duration.ofMinutes(160));
        List<TestEvent> events = events(base);
        WRITER.writeRun(FLIPS, "flip-1", first, events);
        WRITER.publish(FLIPS, "flip-1", first);
        WRITER.writeSpeed(FLIPS, events, endOffsets());
        Map<Instant, long[]> expected = expectedPerMinute(events);

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> answersByBoundary = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        AtomicLongArray inFlight = new AtomicLongArray(WORKERS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            inFlight.set(worker, Long.MAX_VALUE);
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    inFlight.set(worker, sequence.incrementAndGet());
                    try {
                        check(worker, from, to, expected, answersByBoundary, failures);
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e.toString());
                    } finally {
                        inFlight.set(worker, Long.MAX_VALUE);
                    }
                    answered.incrementAndGet();
                }
            }, "switch-query-" + w);
            thread.start();
            workers.add(thread);
        }
        try {
            Awaitility.await("answers before the switch").atMost(PATIENCE).until(() -> answered.get() >= 6);
            WRITER.writeRun(FLIPS, "flip-2", second, events);
            assertThat(WRITER.publish(FLIPS, "flip-2", second).published()).isTrue();
            long published = sequence.get();
            Awaitility.await("queries started before the switch finished").atMost(PATIENCE)
                    .until(() -> allAfter(inFlight, published));
            assertThat(WRITER.deleteSpeedBefore(FLIPS, PARTITIONS, second)).isPositive();
            WRITER.deleteRun(FLIPS, "flip-1");
            int afterCleanup = answered.get();
            Awaitility.await("answers after the cleanup").atMost(PATIENCE)
                    .until(() -> answered.get() >= afterCleanup + 6);
        } finally {
            stop.set(true);
            for (Thread thread : workers) {
                thread.join(PATIENCE.toMillis());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(answersByBoundary.keySet()).contains(first.toString(), second.toString());
    }

    private void check(int worker, Instant from, Instant to, Map<Instant, long[]> expected,
            Map<String, AtomicInteger> answersByBoundary, Queue<String> failures) {
        String side = worker == 1 ? "heads" : null;
        Map<String, String> parameters = MergeIntegrationTests.params("from", from, "to", to);
        if (side != null) {
            parameters.put("dim.side", side);
        }
        if (worker == 2) {
            QueryHttp.Answer answer = http.get("/api/v1/views/flips/groups", parameters);
            assertThat(answer.status()).isEqualTo(200);
            long total = 0;
            for (JsonNode group : answer.body().get("groups")) {
                total += group.get("metrics").get("flips").asLong();
            }
            long all = expected.values().stream().mapToLong(v -> v[0] + v[1]).sum();
            if (total != all) {
                failures.add("groups counted " + total + " flips, expected " + all + " at boundary "
                        + answer.body().get("completeness").get("boundary"));
            }
            answersByBoundary.computeIfAbsent(answer.body().get("completeness").get("boundary").asString(),
                    k -> new AtomicInteger()).incrementAndGet();
            return;
        }
        QueryHttp.Answer answer = http.get("/api/v1/views/flips/series", parameters);
        assertThat(answer.status()).isEqualTo(200);
        String boundary = answer.body().get("boundary").asString();
        answersByBoundary.computeIfAbsent(boundary, k -> new AtomicInteger()).incrementAndGet();
        for (JsonNode point : answer.body().get("points")) {
            long[] counts = expected.getOrDefault(Instant.parse(point.get("t").asString()), new long[4]);
            long flips = side == null ? counts[0] + counts[1] : counts[0];
            long total = side == null ? counts[2] + counts[3] : counts[2];
            JsonNode metrics = point.get("metrics");
            if (metrics.get("flips").asLong() != flips || metrics.get("total").asLong() != total) {
                failures.add("bucket " + point.get("t") + " at boundary " + boundary + " answered " + metrics
                        + ", expected flips " + flips + " total " + total);
            }
        }
    }

    private static boolean allAfter(AtomicLongArray inFlight, long sequence) {
        for (int i = 0; i < inFlight.length(); i++) {
            if (inFlight.get(i) <= sequence) {
                return false;
            }
        }
        return true;
    }

    private static List<TestEvent> events(Instant base) {
        Random random = new Random(7);
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Instant ingest = base.plusSeconds(random.nextInt(150 * 60));
            Instant time = ingest.minusSeconds(random.nextInt(300));
            events.add(new TestEvent(Event.of("f-" + i, "flip", time, Map.of("side", random.nextBoolean() ? "heads"
                    : "tails", "value", (long) random.nextInt(10))), random.nextInt(PARTITIONS), ingest));
        }
        return events;
    }

    /** Per minute: heads count, tails count, heads value sum, tails value sum. */
    private static Map<Instant, long[]> expectedPerMinute(List<TestEvent> events) {
        Map<Instant, long[]> expected = new HashMap<>();
        for (TestEvent event : events) {
            long[] counts = expected.computeIfAbsent(Granularity.MINUTE.bucketStart(event.event().timestamp()),
                    k -> new long[4]);
            boolean heads = "heads".equals(event.event().attributes().get("side"));
            counts[heads ? 0 : 1]++;
            counts[heads ? 2 : 3] += (Long) event.event().attributes().get("value");
        }
        return expected;
    }
}
