package io.lambda.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The rounds of one load of the ingest benchmark, and the CPU the Redis server spent during them: the services, the
 * broker and the load generator run in the benchmark's JVM, Redis in a process of its own on the same cores.
 */
final class IngestLoad {

    private final String name;
    private final List<IngestThroughput.Result> rounds = new ArrayList<>();
    private double redisSeconds;
    private double events;

    IngestLoad(String name) {
        this.name = name;
    }

    /** Runs one round of {@code roundMillis} and records it with the Redis server's CPU meanwhile. */
    void measure(RedisStats redis, long roundMillis, Callable<IngestThroughput.Result> round) throws Exception {
        double redisBefore = redis.cpu().total();
        IngestThroughput.Result result = round.call();
        redisSeconds += redis.cpu().total() - redisBefore;
        events += result.eventsPerSecond() * roundMillis / 1000.0;
        rounds.add(result);
    }

    IngestThroughput.Result round(int round) {
        return rounds.get(round);
    }

    /** The round of median events/s. */
    IngestThroughput.Result median() {
        List<IngestThroughput.Result> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(IngestThroughput.Result::eventsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    /** Redis CPU of all rounds per 1,000 events of all rounds. */
    double redisMillisPerThousandEvents() {
        return redisSeconds * 1e6 / Math.max(1, events);
    }

    /** JVM CPU of the median round plus Redis CPU of all rounds, per 1,000 events: what an event costs the machine. */
    double machineMillisPerThousandEvents() {
        return median().cpuMillisPerThousandEvents() + redisMillisPerThousandEvents();
    }

    /** The median round, and the machine's CPU per 1,000 events. */
    void print() {
        print(name, median());
        System.out.printf("%-44s  %10s  (JVM + Redis CPU %.1f ms per 1,000 events)%n", "", "",
                machineMillisPerThousandEvents());
    }

    static void print(String name, IngestThroughput.Result result) {
        System.out.printf("%-44s: %,10.0f events/s  (batch p50 %d ms, p99 %d ms; JVM CPU %.1f ms per 1,000 events;"
                + " failures %d)%n", name, result.eventsPerSecond(), result.p50Millis(), result.p99Millis(),
                result.cpuMillisPerThousandEvents(), result.failures());
    }
}
