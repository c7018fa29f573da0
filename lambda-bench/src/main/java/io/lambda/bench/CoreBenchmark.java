package io.lambda.bench;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
        int rounds = 8;
        Duration round = seconds(scale);
        System.out.printf(Locale.ROOT, "%nParse + validate + Avro encode: one JSON array of %,d events, %,d bytes"
                        + " (%d B/event); warm-up %s per row, then %d interleaved rounds of %s%n",
                EVENTS_PER_BODY, body.length, body.length / EVENTS_PER_BODY, describe(warmup), rounds, describe(round));
        List<Sample> samples = Throughput.measure(workloads, warmup, rounds, round);

        Sample baseline = samples.get(0);
        System.out.printf(Locale.ROOT, "%-50s %12s %8s %25s %12s%n", "", "events/s", "± sd", "min .. max", "× baseline");
        for (Sample sample : samples) {
            System.out.printf(Locale.ROOT, "%-50s %,12.0f %7.1f%% %,12.0f .. %,10.0f %12.2f%n", sample.name(),
                    sample.mean(), 100 * sample.sd() / sample.mean(), sample.min(), sample.max(),
                    sample.mean() / baseline.mean());
        }
        Sample ratio = samples.get(2).over(baseline);
        System.out.printf(Locale.ROOT, "parse+validate+encode / baseline: %.2f (per round %.2f .. %.2f); goal ≥ %.2f: %s%n",
                samples.get(2).mean() / baseline.mean(), ratio.min(), ratio.max(), GOAL,
                samples.get(2).mean() / baseline.mean() >= GOAL ? "met" : "NOT met");
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
        List<Sample> samples = Throughput.measure(workloads, warmup, rounds, round);
        System.out.printf(Locale.ROOT, "%-50s %12s %8s %25s%n", "", "ns/update", "± sd", "min .. max");
        for (Sample rate : samples) {
            Sample nanos = rate.map(unitsPerSecond -> 1e9 / unitsPerSecond);
            System.out.printf(Locale.ROOT, "%-50s %12.1f %7.1f%% %12.1f .. %10.1f%n", nanos.name(), nanos.mean(),
                    100 * nanos.sd() / nanos.mean(), nanos.min(), nanos.max());
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
