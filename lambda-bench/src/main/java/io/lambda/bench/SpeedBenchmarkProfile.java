package io.lambda.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the speed process spends its time until it caught up, from a Java Flight Recorder recording ({@code jfr}
 * argument): started with the service's JVM (so its startup, on the main thread, is in it), stopped with
 * {@code jcmd JFR.stop} at lag 0, then summarized here as
 * execution samples per thread, per component (a sample counts for every component on its stack) and per top frame,
 * plus the GC pauses.
 */
final class SpeedBenchmarkProfile {

    private static final String RECORDING = "speed-catch-up";

    /** Component -> class-and-method prefixes that mark it on a stack, first match wins within a component. */
    private static final Map<String, List<String>> COMPONENTS = components();

    private SpeedBenchmarkProfile() {
    }

    private static Map<String, List<String>> components() {
        Map<String, List<String>> components = new LinkedHashMap<>();
        components.put("SpeedProcessor.process (all per-record work)",
                List.of("io.lambda.speed.topology.SpeedProcessor.process"));
        components.put("  decode (EventAvroCodec.decode)", List.of("io.lambda.core.event.avro.EventAvroCodec.decode"));
        components.put("  validate (EventValidator)", List.of("io.lambda.core.event.EventValidator"));
        components.put("  dedup (window store fetch/put)", List.of("io.lambda.speed.topology.SpeedProcessor.isDuplicate"));
        components.put("  fold (ViewFold.add)", List.of("io.lambda.core.fold.ViewFold.add"));
        components.put("  position (TaskPosition.advance)", List.of("io.lambda.speed.topology.TaskPosition.advance"));
        components.put("TaskFlusher.flush (Redis flush punctuation)", List.of("io.lambda.speed.topology.TaskFlusher.flush"));
        components.put("CellStore.flushCache (cells to RocksDB + changelog at commit)",
                List.of("io.lambda.speed.store.CellStore.flushCache"));
        components.put("AggregateMonoid.serialize (anywhere)", List.of("io.lambda.core.metric.AggregateMonoid.serialize"));
        components.put("RocksDB (anywhere)", List.of("org.rocksdb."));
        components.put("Kafka Streams commit", List.of("org.apache.kafka.streams.processor.internals.TaskExecutor.commit",
                "org.apache.kafka.streams.processor.internals.TaskManager.commit"));
        components.put("Kafka consumer (poll, fetch, deserialize)", List.of("org.apache.kafka.clients.consumer."));
        components.put("Kafka producer (changelogs, transactions)", List.of("org.apache.kafka.clients.producer."));
        components.put("Lettuce / Netty (Redis client)", List.of("io.lettuce.", "io.netty."));
        components.put("Micrometer", List.of("io.micrometer."));
        return components;
    }

    /** The JVM option that starts the recording with the service. */
    static String jvmOption(Path file) {
        return "-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile,filename=" + file;
    }

    /** Stops the recording in {@code pid} and writes it to {@code file} ({@code jcmd <pid> JFR.stop}). */
    static void stop(long pid, Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "JFR.stop", "name=" + RECORDING,
                "filename=" + file).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("jcmd JFR.stop did not finish");
        }
    }

    /** Prints the summary of a recording. */
    static void print(Path file) throws IOException {
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> components = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(name -> components.put(name, 0L));
        Map<String, Long> tops = new HashMap<>();
        long samples = 0;
        long gcNanos = 0;
        long gcs = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcs++;
                    gcNanos += event.getDuration("sumOfPauses").toNanos();
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                samples++;
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                threads.merge(threadName.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").replaceAll("\\d+", "#"), 1L,
                        Long::sum);
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                tops.merge(method(stack.getFrames().get(0)), 1L, Long::sum);
                Set<String> hit = new LinkedHashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String method = method(frame);
                    COMPONENTS.forEach((name, prefixes) -> {
                        for (String prefix : prefixes) {
                            if (method.startsWith(prefix)) {
                                hit.add(name);
                            }
                        }
                    });
                }
                hit.forEach(name -> components.merge(name, 1L, Long::sum));
            }
        }
        long total = Math.max(1, samples);
        System.out.printf("speed process profile from its start to lag 0 (startup on the main thread included; JFR, %,d"
                + " execution samples of running Java code; "
                + "GC: %,d collections, %.1f s of pauses):%n", samples, gcs, gcNanos / 1e9);
        System.out.println("  by thread:");
        top(threads, 6).forEach((name, n) -> System.out.printf("    %5.1f %%  %s%n", 100.0 * n / total, name));
        System.out.println("  by component (inclusive):");
        components.forEach((name, n) -> System.out.printf("    %5.1f %%  %s%n", 100.0 * n / total, name));
        System.out.println("  top frames (self):");
        top(tops, 12).forEach((name, n) -> System.out.printf("    %5.1f %%  %s%n", 100.0 * n / total, name));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
