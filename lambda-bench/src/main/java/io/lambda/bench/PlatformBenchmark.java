package io.lambda.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.ingest.kafka.EventProducerSettings;
import io.lambda.local.Platform;
import io.lambda.local.PlatformSettings;
import io.lambda.test.LambdaStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.LoggerFactory;

/**
 * The whole platform end to end, through the gateway as a client would use it.
 *
 * <p>{@code e2e [scale=1] [clients=4]}: starts the LambdaStack, then the five services as their own processes with
 * {@link Platform#start} (the local platform's JVM options, 10 s slots, a fresh topic and key prefix, a temporary
 * data directory, free ports) and prints how long the platform took to be healthy. Then, in order:
 * <ol>
 * <li><b>idle</b>: freshness probes and queries ({@link PlatformProbes}) with nothing else running;
 * <li><b>ingest</b>: {@code clients} threads POSTing 1,000-event JSON bodies through the gateway, beside a raw
 * producer with ingest's producer settings sending the same events from as many threads to a topic of its own
 * (nothing consumes that one), in alternating rounds after a warm-up (goal: at least 0.4 x raw);
 * <li><b>catch-up</b>: how long the speed layer takes to reach lag 0 on what was ingested;
 * <li><b>while ingesting</b>: the probes and queries again, while 1,000-event POSTs arrive at a steady rate, a
 * quarter of the measured gateway rate (at most half of what the speed layer drained in the catch-up).
 * </ol>
 * Freshness goal: p99 under 2 s. The batch schedule is off (a run would start at a random point of the benchmark),
 * and the gateway's rate limits are raised far above the load. {@code scale} multiplies every duration.
 */
final class PlatformBenchmark {

    private static final int EVENTS_PER_BODY = 1_000;
    private static final int PARTITIONS = 6;
    private static final int ROUNDS = 3;
    private static final Duration SLOT = Duration.ofSeconds(10);
    private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(5); // ingest's lambda.ingest.produce-timeout
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final AtomicLong RAW_BATCHES = new AtomicLong(1_000_000_000L);

    private PlatformBenchmark() {
    }

    static void run(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long probeMillis = scaled(25_000, scale);
        long ingestWarmup = scaled(20_000, scale);
        long ingestRound = scaled(8_000, scale);
        long catchUpLimit = scaled(90_000, scale);
        long loadedMillis = scaled(40_000, scale);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);

        LambdaStack stack = LambdaStack.get();
        ObjectStoreProperties bucket = stack.newBucket();
        Path data = Files.createTempDirectory("lambda-bench-e2e");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC"); // the local platform's
        Map<String, Object> gatewayOverrides = new LinkedHashMap<>();
        for (String role : List.of("ingest", "query")) {
            gatewayOverrides.put("lambda.gateway.rate-limit.per-role." + role + ".rate", 1_000_000);
            gatewayOverrides.put("lambda.gateway.rate-limit.per-role." + role + ".burst", 1_000_000);
        }
        PlatformSettings settings = new PlatformSettings(PlatformSettings.findRepositoryRoot(), data, "bench-e2e-" + run,
                "bench-e2e-" + run + ":", SLOT, Duration.ofHours(1), PlatformSettings.Ports.free(), jvmOptions,
                Map.of("gateway", gatewayOverrides, "batch", Map.of("lambda.batch.schedule-enabled", false)));
        String rawTopic = stack.createTopic("bench-e2e-raw", PARTITIONS, Map.of("message.timestamp.type", "LogAppendTime"));
        IngestBodies bodies = new IngestBodies(EVENTS_PER_BODY);

        long t0 = System.nanoTime();
        Platform platform = Platform.start(stack, bucket, settings);
        long startMillis = (System.nanoTime() - t0) / 1_000_000;
        IngestLoad gateway = new IngestLoad("through the gateway");
        IngestLoad raw = new IngestLoad("raw producer");
        GatewayCpuMeter meter;
        GatewayCpuMeter.Account gatewayCpu;
        GatewayCpuMeter.Account rawCpu;
        PlatformProbes.Result idle;
        PlatformProbes.Result loaded;
        long backlog;
        long catchUpMillis;
        long lagLeft;
        double backgroundRate;
        double backgroundAchieved;
        long lagAfterLoad;
        try (platform;
             Producer<String, byte[]> producer = new KafkaProducer<>(EventProducerSettings.of(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()), PRODUCE_TIMEOUT));
             RedisStats redis = new RedisStats(stack.redis().host(), stack.redis().port());
             KeepAliveHttpClient status = new KeepAliveHttpClient("127.0.0.1", platform.service("gateway").port(),
                     GatewayBenchmark.API_KEY)) {
            int gatewayPort = platform.service("gateway").port();
            meter = new GatewayCpuMeter(platform.services(), redis);
            gatewayCpu = new GatewayCpuMeter.Account(meter.names().size());
            rawCpu = new GatewayCpuMeter.Account(meter.names().size());
            PlatformProbes probes = new PlatformProbes(gatewayPort, run);
            RawProducerLoad rawLoad = new RawProducerLoad(producer, rawTopic, bodies, RAW_BATCHES, PRODUCE_TIMEOUT);

            // 1. idle, after a short warm-up of the probes' path
            probes.measure(scaled(5_000, scale), PROBE_INTERVAL);
            idle = probes.measure(probeMillis, PROBE_INTERVAL);

            // 2. ingest through the gateway vs raw producer
            GatewayBenchmark.post(gatewayPort, bodies, clients, ingestWarmup, 0);
            rawLoad.batches(clients, ingestWarmup / 4, 0);
            for (int round = 0; round < ROUNDS; round++) {
                boolean gatewayFirst = round % 2 == 0;
                for (int load = 0; load < 2; load++) {
                    boolean viaGateway = (load == 0) == gatewayFirst;
                    IngestLoad measured = viaGateway ? gateway : raw;
                    double[] before = meter.seconds();
                    measured.measure(redis, ingestRound, () -> viaGateway
                            ? GatewayBenchmark.post(gatewayPort, bodies, clients, 0, ingestRound)
                            : rawLoad.batches(clients, 0, ingestRound));
                    (viaGateway ? gatewayCpu : rawCpu).add(before, meter.seconds(),
                            measured.round(round).eventsPerSecond() * ingestRound / 1000.0);
                }
            }

            // 3. the speed layer catches up
            long catchUpStart = System.nanoTime();
            backlog = probes.speedLag(status);
            long lag = backlog;
            while (lag != 0 && System.nanoTime() - catchUpStart < catchUpLimit * 1_000_000) {
                Thread.sleep(200); // poll interval of a bounded wait
                lag = probes.speedLag(status);
            }
            catchUpMillis = (System.nanoTime() - catchUpStart) / 1_000_000;
            lagLeft = lag;

            // 4. the probes and queries while events arrive at a steady rate
            double drained = lagLeft == 0 && backlog > 0 ? backlog * 1000.0 / Math.max(1, catchUpMillis)
                    : Double.MAX_VALUE;
            backgroundRate = Math.max(EVENTS_PER_BODY, Math.min(gateway.median().eventsPerSecond() / 4, drained / 2));
            AtomicLong posted = new AtomicLong();
            ExecutorService background = Executors.newFixedThreadPool(2);
            long until = System.nanoTime() + loadedMillis * 1_000_000;
            List<Future<?>> senders = new ArrayList<>();
            for (int sender = 0; sender < 2; sender++) {
                senders.add(background.submit(() -> {
                    steady(gatewayPort, bodies, backgroundRate / 2, until, posted);
                    return null;
                }));
            }
            loaded = probes.measure(loadedMillis, PROBE_INTERVAL);
            for (Future<?> sender : senders) {
                sender.get();
            }
            background.shutdown();
            backgroundAchieved = posted.get() * 1000.0 / loadedMillis;
            lagAfterLoad = probes.speedLag(status);
        }

        System.out.printf("e2e benchmark: the platform (5 services as processes, %s, %d s slots, batch schedule "
                + "off) started and healthy in %.1f s (the LambdaStack before it: %.1f s); logs in %s%n",
                String.join(" ", jvmOptions), SLOT.toSeconds(), startMillis / 1000.0,
                stack.startupTime().toMillis() / 1000.0, data.resolve("logs"));
        System.out.printf("ingest: %d clients, %,d events of ~%d bytes per request, %d alternating rounds of %.1f s "
                + "after %.0f s of warm-up%n", clients, EVENTS_PER_BODY, bodies.bytesPerEvent(), ROUNDS,
                ingestRound / 1000.0, ingestWarmup * 1.25 / 1000);
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double ratio = gateway.round(round).eventsPerSecond() / raw.round(round).eventsPerSecond();
            ratios.add(ratio);
            System.out.printf("  round %d: gateway %,8.0f events/s, raw producer %,8.0f events/s; gateway / raw %.2f%n",
                    round + 1, gateway.round(round).eventsPerSecond(), raw.round(round).eventsPerSecond(), ratio);
        }
        ratios.sort(null);
        System.out.printf("  ratio gateway / raw: %.2f of the medians (per round %.2f .. %.2f); goal >= 0.4%n",
                gateway.median().eventsPerSecond() / raw.median().eventsPerSecond(), ratios.get(0),
                ratios.get(ROUNDS - 1));
        System.out.printf("  %-46s %s%n", "CPU ms per 1,000 events, all rounds", GatewayBenchmark.header(meter));
        GatewayBenchmark.printCpu("through the gateway", meter, gatewayCpu, 1_000);
        GatewayBenchmark.printCpu("raw producer", meter, rawCpu, 1_000);
        System.out.printf("catch-up: the speed layer's lag went from %,d events to %,d in %.1f s%n", backlog, lagLeft,
                catchUpMillis / 1000.0);
        System.out.printf("freshness probes (%d events each, every %d ms) and queries (one client, at most 20 a "
                + "second), through the gateway; freshness goal p99 < 2 s%n", PlatformProbes.PROBE_EVENTS,
                PROBE_INTERVAL.toMillis());
        idle.print("idle (%.0f s):".formatted(probeMillis / 1000.0));
        loaded.print(("while ingesting %,.0f events/s (asked %,.0f) in 1,000-event POSTs (%.0f s; speed lag "
                + "afterwards %,d):").formatted(backgroundAchieved, backgroundRate, loadedMillis / 1000.0,
                lagAfterLoad));
        System.out.flush();
    }

    private static long scaled(long millis, double scale) {
        return Math.max(1_000, Math.round(millis * scale));
    }

    /** POSTs 1,000-event bodies at {@code eventsPerSecond} until {@code until}, without catching up when behind. */
    private static void steady(int port, IngestBodies bodies, double eventsPerSecond, long until, AtomicLong posted)
            throws Exception {
        long period = (long) (1e9 * EVENTS_PER_BODY / eventsPerSecond);
        try (KeepAliveHttpClient client = new KeepAliveHttpClient("127.0.0.1", port, GatewayBenchmark.API_KEY)) {
            for (long next = System.nanoTime(); next < until; next += period) {
                LockSupport.parkNanos(next - System.nanoTime());
                KeepAliveHttpClient.Response answer = client.post("/api/v1/events", "application/json",
                        bodies.json(RAW_BATCHES.getAndIncrement()));
                if (answer.status() == 202) {
                    posted.addAndGet(EVENTS_PER_BODY);
                }
                next = Math.max(next, System.nanoTime() - period);
            }
        }
    }
}
