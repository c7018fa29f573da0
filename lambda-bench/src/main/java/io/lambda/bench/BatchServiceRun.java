package io.lambda.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.local.PlatformSettings;
import io.lambda.local.ServiceProcess;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch service as its own process from its built jar, as the local platform runs it (the property set of
 * {@code Platform.launch} for batch, schedule off), and one run of its job through the HTTP API: {@code POST
 * /api/v1/batch/runs}, then {@code GET /api/v1/batch/runs/{runId}} until it is no longer {@code STARTED}. While a run
 * goes, the service's heap is sampled from its Actuator Prometheus endpoint; the process's CPU and peak resident set
 * come from {@code /proc/<pid>}.
 */
final class BatchServiceRun implements AutoCloseable {

    /** The local platform's service JVM options, with the heap of the largest service. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseSerialGC");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 1_000; // each status read queries the job repository: keep it rare
    private static final int SCRAPE_EVERY = 1;
    private static final double TICKS_PER_SECOND = 100; // USER_HZ of Linux
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceProcess process;
    private long pid = -1;

    /** The outcome of one run. */
    record Run(String runId, String status, long eventsRead, long duplicatesDropped, double seconds, double wallSeconds,
            double processCpu, double benchCpu, long peakHeapUsed, long peakLiveHeap, String error) {

        double eventsPerSecond() {
            return eventsRead / seconds;
        }
    }

    BatchServiceRun(LambdaStack stack, ObjectStoreProperties bucket, String topic, String keyPrefix, Path dataDir) {
        Map<String, Object> properties = new LinkedHashMap<>(StackProperties.of(stack, bucket));
        properties.put("lambda.events.name", topic);
        properties.put("lambda.serving.key-prefix", keyPrefix);
        properties.put("lambda.slot", BatchDataset.SLOTS.length().toSeconds() + "s");
        properties.put("lambda.views.location", "file:" + views());
        properties.put("logging.file.name", "");
        properties.put("lambda.data-dir", dataDir.toAbsolutePath().toString()); // H2 job repository
        properties.put("lambda.batch.schedule-enabled", "false");
        int port = PlatformSettings.Ports.free().batch();
        this.process = new ServiceProcess("batch", jar(), JVM_OPTIONS, List.of(StackProperties.asArguments(properties)),
                dataDir.resolve("batch.log"), port, port + 1000);
    }

    /** The batch service's exec jar. */
    static Path jar() {
        Path target = PlatformSettings.findRepositoryRoot().resolve("batch-service").resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("batch-service-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no batch-service-*-exec.jar in " + target
                            + ": ./mvnw -B -q -pl batch-service package -DskipTests"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": ./mvnw -B -q -pl batch-service package -DskipTests", e);
        }
    }

    /** The platform's example views. */
    static Path views() {
        return PlatformSettings.findRepositoryRoot().resolve("config").resolve("views.yml");
    }

    void start() {
        process.start();
        process.awaitHealthy(START_TIMEOUT);
        String jar = jar().toString();
        pid = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    Path logFile() {
        return process.logFile();
    }

    /** Starts a run (the default boundary when {@code boundary} is null) and waits until it ends. */
    Run run(Instant boundary) throws IOException, InterruptedException {
        long benchCpu = JvmCpu.nanos();
        double cpu = processCpuSeconds();
        long wallStart = System.nanoTime();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(api("/api/v1/batch/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(boundary == null ? "{}"
                        : "{\"boundary\": " + boundary.toEpochMilli() + "}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/batch/runs answered " + started.statusCode() + " "
                    + started.body());
        }
        String runId = JSON.readTree(started.body()).get("runId").asString();
        long peakHeap = 0;
        long peakLive = 0;
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        JsonNode status;
        for (int poll = 0; ; poll++) {
            status = JSON.readTree(get("/api/v1/batch/runs/" + runId));
            if (!status.get("status").asString().equals("STARTED")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + runId + " did not end within " + RUN_TIMEOUT + ": " + status);
            }
            if (poll % SCRAPE_EVERY == 0) {
                long[] heap = heap();
                peakHeap = Math.max(peakHeap, heap[0]);
                peakLive = Math.max(peakLive, heap[1]);
            }
            Thread.sleep(POLL_MILLIS); // poll interval of a bounded wait
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long[] heap = heap();
        peakHeap = Math.max(peakHeap, heap[0]);
        peakLive = Math.max(peakLive, heap[1]);
        Instant from = Instant.parse(status.get("startedAt").asString());
        Instant to = Instant.parse(status.get("finishedAt").asString());
        JsonNode error = status.get("error");
        return new Run(runId, status.get("status").asString(), status.get("eventsRead").asLong(),
                status.get("duplicatesDropped").asLong(), Duration.between(from, to).toNanos() / 1e9, wall,
                processCpuSeconds() - cpu, (JvmCpu.nanos() - benchCpu) / 1e9, peakHeap, peakLive,
                error == null ? "" : error.asString());
    }

    /** Peak resident set of the process so far ({@code VmHWM}), in bytes; -1 when unknown. */
    long peakResidentBytes() {
        if (pid < 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** CPU seconds (user + system) the process has used; NaN when unknown. */
    double processCpuSeconds() {
        if (pid < 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Heap used now (sum of the heap pools) and live heap after the last major GC, from Actuator's Prometheus. */
    private long[] heap() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + process.managementPort() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        long used = 0;
        long live = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) value(line);
            } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                live = Math.max(live, (long) value(line));
            }
        }
        return new long[] {used, live};
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + process.port() + path);
    }

    @Override
    public void close() {
        process.stop();
    }
}
