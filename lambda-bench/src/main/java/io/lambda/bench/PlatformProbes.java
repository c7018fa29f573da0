package io.lambda.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client of the running platform sees, measured through the gateway while something else may be ingesting:
 * <ul>
 * <li><b>freshness</b>: every {@code probeInterval} a probe POSTs {@value #PROBE_EVENTS} signups of a country of its
 * own (plan {@code probe-<run>}, a view nothing else writes to), and one poller asks every {@value #POLL_MILLIS} ms
 * for the merged signups groups by country of that plan; a probe's freshness is the time from its 202 to the first
 * answer counting all its events. One poller for all probes keeps the polling load fixed however late they are;
 * <li><b>query latency</b>: one client sending, one after the other at most {@value #QUERIES_PER_SECOND} a second,
 * a merged pageviews minute series of the last 30 minutes (all metrics) and the top 10 URLs of the hour.
 * </ul>
 */
final class PlatformProbes {

    static final int PROBE_EVENTS = 10;
    private static final long POLL_MILLIS = 20;
    private static final long QUERIES_PER_SECOND = 20;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int gatewayPort;
    private final String plan;
    private final AtomicLong probes = new AtomicLong();

    PlatformProbes(int gatewayPort, String run) {
        this.gatewayPort = gatewayPort;
        this.plan = "probe-" + run;
    }

    /** The figures of one period. */
    record Result(GatewayLatencies freshness, long notVisible, GatewayLatencies series, GatewayLatencies groups) {

        void print(String condition) {
            System.out.printf("  %s%n", condition);
            freshness.print();
            if (notVisible > 0) {
                System.out.printf("  %-46s: %d probes (counted as %d s above)%n", "  not visible within "
                        + PROBE_TIMEOUT.toSeconds() + " s", notVisible, PROBE_TIMEOUT.toSeconds());
            }
            series.print();
            groups.print();
        }
    }

    /** Probes every {@code probeInterval} and queries for {@code millis}; waits for the last probe's answer. */
    Result measure(long millis, Duration probeInterval) throws Exception {
        GatewayLatencies freshness = new GatewayLatencies("freshness, 202 -> counted in merged groups");
        GatewayLatencies series = new GatewayLatencies("GET series (30 minutes, all metrics)");
        GatewayLatencies groups = new GatewayLatencies("GET groups (top 10 URLs of the hour)");
        AtomicLong notVisible = new AtomicLong();
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicBoolean probing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            Future<?> queries = threads.submit(() -> {
                query(until, series, groups);
                return null;
            });
            Future<?> poller = threads.submit(() -> {
                poll(pending, probing, freshness, notVisible);
                return null;
            });
            try (KeepAliveHttpClient client = new KeepAliveHttpClient("127.0.0.1", gatewayPort, GatewayBenchmark.API_KEY)) {
                for (long next = System.nanoTime(); next < until; next += probeInterval.toNanos()) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    probe(client, pending, freshness);
                }
            } finally {
                probing.set(false);
            }
            poller.get();
            queries.get();
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Result(freshness, notVisible.get(), series, groups);
    }

    private void probe(KeepAliveHttpClient client, Map<String, Long> pending, GatewayLatencies freshness)
            throws IOException {
        String country = "p" + probes.incrementAndGet();
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < PROBE_EVENTS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(plan).append('-').append(country).append('-')
                    .append(i).append("\",\"type\":\"signup\",\"timestamp\":\"").append(now)
                    .append("\",\"attributes\":{\"plan\":\"").append(plan).append("\",\"country\":\"").append(country)
                    .append("\",\"userId\":\"u-").append(i).append("\"}}");
        }
        KeepAliveHttpClient.Response posted = client.post("/api/v1/events", "application/json",
                body.append(']').toString().getBytes(StandardCharsets.UTF_8));
        long accepted = System.nanoTime();
        if (posted.status() == 202 && posted.body().startsWith("{\"accepted\":" + PROBE_EVENTS + ",")) {
            pending.put(country, accepted);
        } else {
            freshness.fail();
        }
    }

    /** Asks for the probes' counts until every probe is counted or timed out and no more are coming. */
    private void poll(Map<String, Long> pending, AtomicBoolean probing, GatewayLatencies freshness,
            AtomicLong notVisible) throws IOException, InterruptedException {
        try (KeepAliveHttpClient client = new KeepAliveHttpClient("127.0.0.1", gatewayPort, GatewayBenchmark.API_KEY)) {
            while (probing.get() || !pending.isEmpty()) {
                if (!pending.isEmpty()) {
                    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
                    KeepAliveHttpClient.Response answer = client.get("/api/v1/views/signups/groups?from="
                            + hour.minus(Duration.ofHours(1)) + "&to=" + hour.plus(Duration.ofHours(2))
                            + "&by=country&metric=signups&limit=1000&dim.plan=" + plan);
                    long answered = System.nanoTime();
                    if (answer.status() == 200) {
                        for (JsonNode group : JSON.readTree(answer.body()).path("groups")) {
                            Long accepted = pending.get(group.path("key").asString());
                            if (accepted != null && group.path("metrics").path("signups").asLong() >= PROBE_EVENTS) {
                                freshness.add(answered - accepted);
                                pending.remove(group.path("key").asString());
                            }
                        }
                    }
                    for (Map.Entry<String, Long> probe : pending.entrySet()) {
                        if (answered - probe.getValue() > PROBE_TIMEOUT.toNanos()) {
                            notVisible.incrementAndGet();
                            freshness.add(PROBE_TIMEOUT.toNanos());
                            pending.remove(probe.getKey());
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private void query(long until, GatewayLatencies series, GatewayLatencies groups) throws IOException {
        long period = 1_000_000_000L / QUERIES_PER_SECOND;
        try (KeepAliveHttpClient client = new KeepAliveHttpClient("127.0.0.1", gatewayPort, GatewayBenchmark.API_KEY)) {
            long next = System.nanoTime();
            for (int i = 0; next < until; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += period;
                Instant now = Instant.now();
                boolean isSeries = i % 2 == 0;
                String path = isSeries
                        ? "/api/v1/views/pageviews/series?from=" + now.truncatedTo(ChronoUnit.MINUTES)
                                .minus(Duration.ofMinutes(29)) + "&to=" + now.truncatedTo(ChronoUnit.MINUTES)
                                .plus(Duration.ofMinutes(1)) + "&granularity=minute"
                        : "/api/v1/views/pageviews/groups?from=" + now.truncatedTo(ChronoUnit.HOURS) + "&to="
                                + now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)) + "&by=url&limit=10";
                GatewayLatencies latencies = isSeries ? series : groups;
                long t0 = System.nanoTime();
                KeepAliveHttpClient.Response answer = client.get(path);
                long t1 = System.nanoTime();
                if (answer.status() == 200) {
                    latencies.add(t1 - t0);
                } else {
                    latencies.fail();
                }
                if (System.nanoTime() > next) {
                    next = System.nanoTime(); // behind: no burst to catch up
                }
            }
        }
    }

    /** The speed layer's lag in events, from {@code GET /api/v1/status}; -1 when it does not answer. */
    long speedLag(KeepAliveHttpClient client) throws IOException {
        KeepAliveHttpClient.Response status = client.get("/api/v1/status");
        return status.status() == 200 ? JSON.readTree(status.body()).path("speed").path("lag").asLong(-1) : -1;
    }
}
