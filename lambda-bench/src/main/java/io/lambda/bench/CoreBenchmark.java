package io.lambda.bench;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.lambda.bench.Throughput.Measured;
import io.lambda.bench.Throughput.Sample;
import io.lambda.bench.Throughput.Workload;
import io.lambda.core.event.Admission;
import io.lambda.core.event.Event;
import io.lambda.core.event.EventReader;
import io.lambda.core.event.ReadResult;
import io.lambda.core.event.avro.EventAvroCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The foundation benchmark ({@code core}): events per second of parse + validate + Avro encode of a 1,000-event
 * JSON array beside plain Jackson parsing of the same bytes into maps, and nanoseconds per update of each metric
 * monoid beside a plain sum and a hash-map counter. Goal: parse + validate + encode at 0.5 of the baseline or more.
 *
 * <p>Arguments: {@code [scale]}, a factor on every warm-up and round time (default 1, about 75 s in all;
 * {@code 0.1} is a quick smoke run whose figures mean little).
 */
final class CoreBenchmark {

    static final long SEED = 20261124L;
    static final int EVENTS_PER_BODY = 1_000;
    static final int MONOID_EVENTS = 65_536;
    /** Fixed, so every run validates the same timestamps against the same window. */
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final double GOAL = 0.5;

    private CoreBenchmark() {
    }

    static void run(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "core benchmark: Java %s, %d cores, max heap %d MiB, scale %s%n",
                Runtime.version(), runtime.availableProcessors(), runtime.maxMemory() >> 20, scale);
        parseValidateEncode(scale);
        monoidUpdates(scale);
    }

    private static void parseValidateEncode(double scale) {
        byte[] body = EventCorpus.generate(SEED, EVENTS_PER_BODY, NOW).jsonArray();
        EventReader reader = new EventReader();
        EventAvroCodec codec = new EventAvroCodec();
        JsonMapper mapper = JsonMapper.builder().build();
        checkCorpus(body, reader, codec, mapper);

        List<Workload> workloads = List.of(
                new Workload("Jackson readValue(bytes, List.class) [baseline]", EVENTS_PER_BODY,
                        () -> mapper.readValue(body, List.class).size()),
                new Workload("EventReader.readJson (parse + validate)", EVENTS_PER_BODY,
                        () -> reader.readJson(new ByteArrayInputStream(body), NOW).size()),
                new Workload("readJson + EventAvroCodec.encode each", EVENTS_PER_BODY,
                        () -> encodeAccepted(reader.readJson(new ByteArrayInputStream(body), NOW), codec)));
        Duration warmup = seconds(3 * scale);
        int rounds = 16;
        Duration round = seconds(0.5 * scale);
        System.out.printf(Locale.ROOT, "%nParse + validate + Avro encode: one JSON array of %,d events, %,d bytes"
                        + " (%d B/event); warm-up %s per row, then %d interleaved rounds of %s%n",
                EVENTS_PER_BODY, body.length, body.length / EVENTS_PER_BODY, describe(warmup), rounds, describe(round));
        List<Measured> measured = Throughput.measure(workloads, warmup, rounds, round);

        Measured baseline = measured.get(0);
        System.out.printf(Locale.ROOT, "%-48s %11s %6s %23s %6s %14s %6s%n", "", "events/s", "± sd", "min .. max",
                "× base", "events/cpu-s", "× base");
        for (Measured m : measured) {
            Sample wall = m.wall();
            System.out.printf(Locale.ROOT, "%-48s %,11.0f %5.1f%% %,11.0f .. %,9.0f %6.2f %,14.0f %6.2f%n",
                    wall.name(), wall.mean(), 100 * wall.sd() / wall.mean(), wall.min(), wall.max(),
                    wall.mean() / baseline.wall().mean(), m.cpu().mean(), m.cpu().mean() / baseline.cpu().mean());
        }
        Measured measuredPath = measured.get(2);
        double ratio = measuredPath.wall().mean() / baseline.wall().mean();
        Sample perRound = measuredPath.wall().over(baseline.wall());
        System.out.printf(Locale.ROOT, "parse+validate+encode / baseline: %.2f (per round: median %.2f, %.2f .. %.2f;"
                        + " by CPU time %.2f); goal ≥ %.2f: %s%n", ratio, perRound.median(), perRound.min(),
                perRound.max(), measuredPath.cpu().mean() / baseline.cpu().mean(), GOAL, ratio >= GOAL ? "met" : "NOT met");
    }

    private static void monoidUpdates(double scale) {
        List<Event> events = EventCorpus.generate(SEED + 1, MONOID_EVENTS, NOW).events();
        List<Workload> workloads = MonoidWorkloads.all(events);
        Duration warmup = seconds(scale);
        int rounds = 5;
        Duration round = seconds(0.5 * scale);
        System.out.printf(Locale.ROOT, "%nMonoid updates: %,d events folded into one long-lived state per row;"
                        + " warm-up %s per row, then %d interleaved rounds of %s%n",
                MONOID_EVENTS, describe(warmup), rounds, describe(round));
        List<Measured> measured = Throughput.measure(workloads, warmup, rounds, round);
        System.out.printf(Locale.ROOT, "%-48s %11s %6s %23s %14s%n", "", "ns/update", "± sd", "min .. max",
                "cpu-ns/update");
        for (Measured m : measured) {
            Sample nanos = m.wall().map(unitsPerSecond -> 1e9 / unitsPerSecond);
            System.out.printf(Locale.ROOT, "%-48s %11.1f %5.1f%% %11.1f .. %9.1f %14.1f%n", nanos.name(),
                    nanos.mean(), 100 * nanos.sd() / nanos.mean(), nanos.min(), nanos.max(),
                    m.cpu().map(unitsPerSecond -> 1e9 / unitsPerSecond).mean());
        }
    }

    /** Fails before measuring when the workloads would not do what their labels say. */
    private static void checkCorpus(byte[] body, EventReader reader, EventAvroCodec codec, JsonMapper mapper) {
        ReadResult result = reader.readJson(new ByteArrayInputStream(body), NOW);
        if (result.accepted().size() != EVENTS_PER_BODY) {
            throw new IllegalStateException("the corpus should be valid, but: " + result.rejected());
        }
        for (Event event : result.accepted()) {
            if (!codec.decode(codec.encode(event)).equals(event)) {
                throw new IllegalStateException("Avro round trip changed " + event);
            }
        }
        if (mapper.readValue(body, List.class).size() != EVENTS_PER_BODY) {
            throw new IllegalStateException("the baseline does not see " + EVENTS_PER_BODY + " events");
        }
    }

    private static long encodeAccepted(ReadResult result, EventAvroCodec codec) {
        long bytes = 0;
        for (Admission admission : result.admissions()) {
            if (admission instanceof Admission.Accepted accepted) {
                bytes += codec.encode(accepted.event()).length;
            }
        }
        return bytes;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static String describe(Duration duration) {
        return String.format(Locale.ROOT, "%.2g s", duration.toMillis() / 1000.0);
    }
}
