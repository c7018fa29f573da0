package io.lambda.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import io.lambda.local.PlatformSettings;
import io.lambda.local.ServiceProcess;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.slf4j.LoggerFactory;

/**
 * What the gateway costs: the same requests through the gateway and straight to the service, in one run.
 *
 * <p>{@code gateway [scale=1] [clients=8] [jfr]}: starts the LambdaStack (Kafka, Redis), then ingest (Redis dedup on, a
 * topic of its own, archiver off), query and the gateway (profile {@code local}, its upstreams pointing at them,
 * rate limits raised far above the load), each as its own process from its built jar, as the local platform runs
 * them. After a warm-up it measures, in alternating rounds:
 * <ol>
 * <li>ingest: {@code clients} threads POSTing JSON arrays of 1,000 events of ~300 bytes ({@link IngestBodies}, new
 * ids every request) over keep-alive connections, through the gateway and straight to ingest;
 * <li>query: one thread sending {@code GET /api/v1/views} and a 120-bucket series one after the other, through the
 * gateway and straight to query.
 * </ol>
 * Prints events/s and the ratio gateway / direct (goal: at least 0.8), the latencies and the p99 difference (goal:
 * at most +5 ms), and the CPU each process (gateway, ingest, query, Redis, and this JVM: broker and clients) spent
 * per 1,000 events or per request of each load: on shared cores the gateway's own CPU is what it takes from ingest.
 * {@code scale} multiplies every duration (0.1 for a smoke run); {@code jfr} records a Flight Recorder profile of
 * the gateway's JVM into its log directory.
 */
final class GatewayBenchmark {

    static final String API_KEY = "local-dev-key";
    private static final int EVENTS_PER_BODY = 1_000;
    private static final int PARTITIONS = 6;
    private static final int ROUNDS = 5;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC"); // the local platform's
    private static final AtomicLong BATCHES = new AtomicLong();

    private GatewayBenchmark() {
    }

    static void run(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean profile = args.length > 2 && args[2].equals("jfr");
        long ingestWarmup = scaled(40_000, scale);
        long ingestRound = scaled(8_000, scale);
        long queryWarmup = scaled(8_000, scale);
        long queryRound = scaled(3_000, scale);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);

        LambdaStack stack = LambdaStack.get();
        Path root = PlatformSettings.findRepositoryRoot();
        Path data = Files.createTempDirectory("lambda-bench-gateway");
        PlatformSettings.Ports ports = PlatformSettings.Ports.free();
        String topic = "bench-gateway-" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, Object> common = new LinkedHashMap<>(StackProperties.of(stack));
        common.put("lambda.events.name", topic);
        common.put("lambda.events.partitions", PARTITIONS);
        common.put("lambda.serving.key-prefix", stack.newKeyPrefix());
        common.put("lambda.views.location", "file:" + root.resolve("config/views.yml"));
        common.put("logging.file.name", "");
        Map<String, Object> ingestProperties = new LinkedHashMap<>(common);
        ingestProperties.put("lambda.ingest.dedup-enabled", true);
        ingestProperties.put("lambda.archive.enabled", false); // ingestion only
        Map<String, Object> queryProperties = new LinkedHashMap<>(common);
        queryProperties.put("lambda.query.batch-url", "http://127.0.0.1:" + ports.batch()); // no batch service
        Map<String, Object> gatewayProperties = new LinkedHashMap<>(StackProperties.of(stack));
        gatewayProperties.put("spring.profiles.active", "local");
        gatewayProperties.put("lambda.gateway.services.ingest.instances[0]", "http://127.0.0.1:" + ports.ingest());
        gatewayProperties.put("lambda.gateway.services.query.instances[0]", "http://127.0.0.1:" + ports.query());
        gatewayProperties.put("lambda.gateway.services.batch.instances[0]", "http://127.0.0.1:" + ports.batch());
        // the benchmark measures the gateway's path, not its limits: every bucket far above the load (still checked)
        for (String role : List.of("ingest", "query")) {
            gatewayProperties.put("lambda.gateway.rate-limit.per-role." + role + ".rate", 1_000_000);
            gatewayProperties.put("lambda.gateway.rate-limit.per-role." + role + ".burst", 1_000_000);
        }
        ServiceProcess ingest = service(root, data, "ingest", "ingest-service", ports.ingest(), ingestProperties,
                List.of());
        ServiceProcess query = service(root, data, "query", "query-service", ports.query(), queryProperties, List.of());
        Path recording = data.resolve("logs").resolve("gateway.jfr");
        ServiceProcess gateway = service(root, data, "gateway", "gateway", ports.gateway(), gatewayProperties,
                profile ? List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording)
                        : List.of());
        List<ServiceProcess> services = List.of(gateway, ingest, query);

        IngestBodies bodies = new IngestBodies(EVENTS_PER_BODY);
        IngestLoad direct = new IngestLoad("direct to ingest");
        IngestLoad through = new IngestLoad("through the gateway");
        List<GatewayLatencies> queries = new ArrayList<>();
        Map<GatewayLatencies, GatewayCpuMeter.Account> queryCpu = new LinkedHashMap<>();
        GatewayCpuMeter meter;
        GatewayCpuMeter.Account directCpu;
        GatewayCpuMeter.Account throughCpu;
        long startMillis;
        try (RedisStats redis = new RedisStats(stack.redis().host(), stack.redis().port())) {
            long t0 = System.nanoTime();
            ingest.start(); // first: it creates the topic query reads
            ingest.awaitHealthy(START_TIMEOUT);
            query.start();
            gateway.start();
            query.awaitHealthy(START_TIMEOUT);
            gateway.awaitHealthy(START_TIMEOUT);
            startMillis = (System.nanoTime() - t0) / 1_000_000;
            meter = new GatewayCpuMeter(services, redis);
            directCpu = new GatewayCpuMeter.Account(meter.names().size());
            throughCpu = new GatewayCpuMeter.Account(meter.names().size());

            // ingest: the gateway's warm-up warms ingest too
            post(gateway.port(), bodies, clients, ingestWarmup, 0);
            post(ingest.port(), bodies, clients, ingestWarmup / 4, 0);
            for (int round = 0; round < ROUNDS; round++) {
                boolean gatewayFirst = round % 2 == 1; // alternate the order too
                for (int load = 0; load < 2; load++) {
                    boolean viaGateway = (load == 0) == gatewayFirst;
                    int port = viaGateway ? gateway.port() : ingest.port();
                    double[] before = meter.seconds();
                    (viaGateway ? through : direct).measure(redis, ingestRound,
                            () -> post(port, bodies, clients, 0, ingestRound));
                    IngestLoad measured = viaGateway ? through : direct;
                    (viaGateway ? throughCpu : directCpu).add(before, meter.seconds(),
                            measured.round(round).eventsPerSecond() * ingestRound / 1000.0);
                }
            }

            // query: one request after the other, so each latency is the path's own
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
            String series = "/api/v1/views/pageviews/series?from=" + hour.minus(Duration.ofHours(1)) + "&to="
                    + hour.plus(Duration.ofHours(1)) + "&granularity=minute&metrics=views";
            try (KeepAliveHttpClient directClient = new KeepAliveHttpClient("127.0.0.1", query.port(), API_KEY);
                 KeepAliveHttpClient gatewayClient = new KeepAliveHttpClient("127.0.0.1", gateway.port(), API_KEY)) {
                record Workload(GatewayLatencies latencies, KeepAliveHttpClient client, String path) {
                }
                List<Workload> workloads = List.of(
                        new Workload(new GatewayLatencies("GET /api/v1/views, direct"), directClient, "/api/v1/views"),
                        new Workload(new GatewayLatencies("GET /api/v1/views, gateway"), gatewayClient, "/api/v1/views"),
                        new Workload(new GatewayLatencies("GET series (120 minutes), direct"), directClient, series),
                        new Workload(new GatewayLatencies("GET series (120 minutes), gateway"), gatewayClient, series));
                for (Workload workload : workloads) {
                    KeepAliveHttpClient.Response answer = workload.client().get(workload.path());
                    if (answer.status() != 200) {
                        throw new IllegalStateException(workload.path() + " answered " + answer.status() + " "
                                + answer.body());
                    }
                    workload.latencies().getFor(workload.client(), workload.path(), queryWarmup, false);
                    queries.add(workload.latencies());
                    queryCpu.put(workload.latencies(), new GatewayCpuMeter.Account(meter.names().size()));
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int w = 0; w < workloads.size(); w++) {
                        Workload workload = workloads.get(round % 2 == 0 ? w : workloads.size() - 1 - w);
                        double[] before = meter.seconds();
                        long requests = workload.latencies().getFor(workload.client(), workload.path(), queryRound,
                                true);
                        queryCpu.get(workload.latencies()).add(before, meter.seconds(), requests);
                    }
                }
            }
        } finally {
            for (ServiceProcess service : services) {
                service.stop();
            }
        }

        System.out.printf("gateway benchmark: ingest, query and the gateway as processes (%s), started and healthy in "
                + "%.1f s; logs in %s%n", String.join(" ", JVM_OPTIONS), startMillis / 1000.0, data.resolve("logs"));
        System.out.printf("ingest: %d clients, %,d events of ~%d bytes per POST, %d partitions, dedup on, %d "
                + "alternating rounds of %.1f s after %.0f s of warm-up%n", clients, EVENTS_PER_BODY,
                bodies.bytesPerEvent(), PARTITIONS, ROUNDS, ingestRound / 1000.0, (ingestWarmup * 1.25) / 1000);
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double ratio = through.round(round).eventsPerSecond() / direct.round(round).eventsPerSecond();
            ratios.add(ratio);
            System.out.printf("  round %d: direct %,8.0f events/s, gateway %,8.0f events/s; gateway / direct %.2f%n",
                    round + 1, direct.round(round).eventsPerSecond(), through.round(round).eventsPerSecond(), ratio);
        }
        ratios.sort(null);
        printIngest("direct to ingest (median round)", direct.median());
        printIngest("through the gateway (median round)", through.median());
        System.out.printf("  ratio gateway / direct: %.2f of the medians (per round: median %.2f, %.2f .. %.2f); "
                + "goal >= 0.8%n", through.median().eventsPerSecond() / direct.median().eventsPerSecond(),
                ratios.get(ROUNDS / 2), ratios.get(0), ratios.get(ROUNDS - 1));
        System.out.printf("  %-46s %s%n", "CPU ms per 1,000 events, all rounds", header(meter));
        printCpu("direct to ingest", meter, directCpu, 1_000);
        printCpu("through the gateway", meter, throughCpu, 1_000);
        System.out.printf("query: one client, requests one after the other, %d alternating rounds of %.1f s after "
                + "%.0f s of warm-up each%n", ROUNDS, queryRound / 1000.0, queryWarmup / 1000.0);
        for (GatewayLatencies latencies : queries) {
            latencies.print();
        }
        for (int i = 0; i + 1 < queries.size(); i += 2) {
            GatewayLatencies directQueries = queries.get(i);
            GatewayLatencies gatewayQueries = queries.get(i + 1);
            System.out.printf("  %-46s: p50 %+.2f ms, p99 %+.2f ms; goal p99 <= +5 ms%n",
                    gatewayQueries.name() + " - direct", gatewayQueries.millis(0.5) - directQueries.millis(0.5),
                    gatewayQueries.millis(0.99) - directQueries.millis(0.99));
        }
        System.out.printf("  %-46s %s%n", "CPU ms per request, all rounds", header(meter));
        for (GatewayLatencies latencies : queries) {
            printCpu(latencies.name(), meter, queryCpu.get(latencies), 1);
        }
        if (profile) {
            System.out.printf("gateway profile: %s (jfr print --events jdk.ExecutionSample)%n", recording);
        }
        System.out.flush();
    }

    private static long scaled(long millis, double scale) {
        return Math.max(1_000, Math.round(millis * scale));
    }

    private static ServiceProcess service(Path root, Path data, String name, String module, int port,
            Map<String, Object> properties, List<String> moreJvmOptions) {
        PlatformSettings paths = new PlatformSettings(root, data, "unused", "unused:", Duration.ofMinutes(5),
                Duration.ofMinutes(15), PlatformSettings.Ports.defaults(), JVM_OPTIONS, Map.of());
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.addAll(moreJvmOptions);
        return new ServiceProcess(name, paths.jar(module), jvmOptions, List.of(StackProperties.asArguments(properties)),
                data.resolve("logs").resolve(name + ".log"), port, port + 1000);
    }

    /**
     * {@code clients} threads POSTing 1,000-event bodies to {@code port} over keep-alive connections; every answer
     * must be 202 with all events accepted.
     */
    static IngestThroughput.Result post(int port, IngestBodies bodies, int clients, long warmupMillis,
            long measureMillis) throws Exception {
        ThreadLocal<KeepAliveHttpClient> connections = new ThreadLocal<>();
        List<KeepAliveHttpClient> opened = new CopyOnWriteArrayList<>();
        try {
            return IngestThroughput.measure(clients, warmupMillis, measureMillis, BATCHES, batch -> {
                KeepAliveHttpClient client = connections.get();
                if (client == null) {
                    client = new KeepAliveHttpClient("127.0.0.1", port, API_KEY);
                    connections.set(client);
                    opened.add(client);
                }
                KeepAliveHttpClient.Response response = client.post("/api/v1/events", "application/json",
                        bodies.json(batch));
                if (response.status() != 202 || !response.body().startsWith("{\"accepted\":" + EVENTS_PER_BODY + ",")) {
                    throw new IllegalStateException("unexpected answer " + response.status() + " " + response.body());
                }
                return EVENTS_PER_BODY;
            });
        } finally {
            for (KeepAliveHttpClient client : opened) {
                client.close();
            }
        }
    }

    private static void printIngest(String name, IngestThroughput.Result result) {
        System.out.printf("  %-44s: %,9.0f events/s (POST p50 %d ms, p99 %d ms; failures %d)%n", name,
                result.eventsPerSecond(), result.p50Millis(), result.p99Millis(), result.failures());
    }

    static String header(GatewayCpuMeter meter) {
        StringBuilder header = new StringBuilder();
        for (String name : meter.names()) {
            header.append(String.format("%10s", name));
        }
        return header.append(String.format("%10s", "total")).toString();
    }

    static void printCpu(String name, GatewayCpuMeter meter, GatewayCpuMeter.Account account, double per) {
        StringBuilder line = new StringBuilder(String.format("  %-46s ", name));
        for (double millis : account.millisPer(per)) {
            line.append(String.format("%10.2f", millis));
        }
        System.out.println(line.append(String.format("%10.2f", account.totalMillisPer(per))));
    }
}
