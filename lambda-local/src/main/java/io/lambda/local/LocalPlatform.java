package io.lambda.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.ObjectStoreProperties;

/**
 * The whole platform on one machine, no Docker: {@code java -jar lambda-local/target/lambda-local-*-exec.jar
 * [--demo=false] [--data-dir=./data] [--demo-seconds=60]}, run from the repository after {@code ./mvnw package}.
 * Starts a real Kafka broker (its own process), redis-server (append-only) and the S3 endpoint, all keeping their data
 * under the data directory ({@link LocalInfrastructure}), then the five services as their own processes from their
 * built jars ({@link Platform}), prints where everything listens,
 * runs the {@link Demo} and keeps running until Ctrl-C, which stops everything in order. A service that dies is
 * reported with the end of its log, and the launcher stops the rest and exits 1.
 *
 * <p>Local settings: 1-minute ingest slots and a batch run every 5 minutes, so a batch publish is seen within
 * minutes; the production defaults (5 min, 15 min) are unchanged.
 */
public final class LocalPlatform {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final List<String> PORT_NAMES = List.of("gateway", "ingest", "query", "speed", "batch", "kafka",
            "redis");
    /** Set by Ctrl-C / SIGTERM: services exiting then are being stopped, not dying. */
    private static final java.util.concurrent.atomic.AtomicBoolean STOPPING = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalPlatform() {
    }

    public static void main(String[] args) {
        boolean demo = true;
        Path dataDir = Path.of("data");
        Duration demoFor = Duration.ofSeconds(60);
        Map<String, Integer> ports = new java.util.HashMap<>(Map.of("gateway", 8080, "ingest", 8081, "query", 8082,
                "speed", 8083, "batch", 8084, "kafka", 9092, "redis", 6379));
        for (String arg : args) {
            String portName = arg.startsWith("--") && arg.contains("-port=")
                    ? arg.substring(2, arg.indexOf("-port=")) : "";
            if (PORT_NAMES.contains(portName)) {
                ports.put(portName, Integer.parseInt(arg.substring(arg.indexOf('=') + 1)));
                continue;
            }
            if (arg.startsWith("--demo=")) {
                demo = Boolean.parseBoolean(arg.substring("--demo=".length()));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--demo-seconds=")) {
                demoFor = Duration.ofSeconds(Long.parseLong(arg.substring("--demo-seconds=".length())));
            } else {
                System.err.println("unknown argument " + arg + "; use --demo=false, --data-dir=<dir>, --demo-seconds=<n>,"
                        + " --<part>-port=<n> for " + PORT_NAMES + " (management ports are the service port + 1000,"
                        + " Kafka's controller the Kafka port + 1)");
                System.exit(2);
            }
        }
        Platform platform = null;
        LocalInfrastructure infrastructure = null;
        try {
            Files.createDirectories(dataDir);
            PlatformSettings settings = new PlatformSettings(PlatformSettings.findRepositoryRoot(),
                    dataDir.toAbsolutePath(), "lambda.events", "lambda:", Duration.ofMinutes(1), Duration.ofMinutes(5),
                    new PlatformSettings.Ports(ports.get("gateway"), ports.get("ingest"), ports.get("query"),
                            ports.get("speed"), ports.get("batch")), List.of("-Xmx512m", "-XX:+UseSerialGC"), Map.of());
            log.info("Starting Kafka, Redis and the S3 endpoint with their data in {}", dataDir.toAbsolutePath());
            infrastructure = LocalInfrastructure.start(settings, ports.get("kafka"), ports.get("redis"));
            log.info("Starting ingest (with the archiver), speed, batch, query and the gateway; logs in {}",
                    dataDir.resolve("logs").toAbsolutePath());
            platform = Platform.start(new Platform.Endpoints(infrastructure.kafkaBootstrapServers(),
                    infrastructure.redis(), infrastructure.bucket()), settings);
            Platform started = platform;
            LocalInfrastructure infra = infrastructure;
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                STOPPING.set(true);
                started.close();
                infra.close();
                stopped.countDown();
            }, "local-platform-stop"));
            printReady(infra, started);
            if (demo) {
                new Demo(started.gatewayUrl(), demoFor).run();
            }
            watch(started, stopped);
        } catch (Exception e) {
            log.error("The local platform failed: {}", e.getMessage());
            if (platform != null) {
                platform.close();
            }
            if (infrastructure != null) {
                infrastructure.close();
            }
            System.exit(1); // s3proxy's threads are not daemons: they would keep the JVM alive
        }
    }

    /** Until Ctrl-C: a service that dies stops the platform. */
    private static void watch(Platform platform, CountDownLatch stopped) throws InterruptedException {
        while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            for (ServiceProcess service : platform.services()) {
                if (!service.isAlive() && !STOPPING.get()) {
                    log.error("{} exited with code {}; its log ends:\n{}", service.name(), service.exitCode(),
                            service.logTail(30));
                    throw new IllegalStateException(service.name() + " died");
                }
            }
        }
    }

    private static void printReady(LocalInfrastructure infrastructure, Platform platform) {
        ObjectStoreProperties bucket = infrastructure.bucket();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n  %-10s %-28s %s%n", "part", "listens on",
                "health / log"));
        for (ServiceProcess service : platform.services()) {
            table.append(String.format(Locale.ROOT, "  %-10s %-28s http://127.0.0.1:%d/actuator/health  %s%n",
                    service.name(), "http://127.0.0.1:" + service.port(), service.managementPort(), service.logFile()));
        }
        table.append(String.format(Locale.ROOT, "  %-10s %s%n  %-10s %s%n  %-10s %s (bucket %s)%n", "kafka",
                infrastructure.kafkaBootstrapServers(), "redis", infrastructure.redis().uri(), "s3", bucket.endpoint(),
                bucket.bucket()));
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String gw = platform.gatewayUrl();
        table.append(String.format(Locale.ROOT, """

                  Ready. Gateway %s, API key: local-dev-key
                  curl -H 'X-API-Key: local-dev-key' -H 'Content-Type: application/json' -d '{"id":"try-1","type":"pageview","timestamp":"%s","attributes":{"url":"/pricing","userId":"u-1"}}' %s/api/v1/events
                  curl -H 'X-API-Key: local-dev-key' '%s/api/v1/views/pageviews/series?granularity=minute&from=%s&to=%s'
                  curl -H 'X-API-Key: local-dev-key' %s/api/v1/status
                  Ctrl-C stops everything.
                """, gw, now, gw, gw, Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), gw));
        log.info("{}", table);
    }
}
