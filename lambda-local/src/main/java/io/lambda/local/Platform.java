package io.lambda.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.test.LambdaStack;
import io.lambda.test.RedisEndpoint;
import io.lambda.test.StackProperties;

/**
 * The five services as their own processes against one {@link LambdaStack}: ingest (with the archiver role) first, so
 * the event topic exists, then speed, batch, query and the gateway. Used by the local platform and the end-to-end
 * tests, so both run the same thing.
 */
public final class Platform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Platform.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final PlatformSettings settings;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Platform(PlatformSettings settings) {
        this.settings = settings;
    }

    /** Where the infrastructure listens: the Kafka broker, Redis and the master dataset's bucket. */
    public record Endpoints(String kafka, RedisEndpoint redis, ObjectStoreProperties bucket) {
    }

    /** Starts every service against the test JVM's stack and waits until each is healthy. */
    public static Platform start(LambdaStack stack, ObjectStoreProperties bucket, PlatformSettings settings) {
        return start(new Endpoints(stack.kafkaBootstrapServers(), stack.redis(), bucket), settings);
    }

    /** Starts every service and waits until each is healthy; on failure stops what it started. */
    public static Platform start(Endpoints endpoints, PlatformSettings settings) {
        Platform platform = new Platform(settings);
        try {
            platform.launch(endpoints);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void launch(Endpoints endpoints) {
        PlatformSettings.Ports ports = settings.ports();
        Map<String, Object> common = new LinkedHashMap<>(StackProperties.of(endpoints.kafka(), endpoints.redis(),
                endpoints.bucket()));
        common.put("lambda.events.name", settings.topic());
        common.put("lambda.serving.key-prefix", settings.keyPrefix());
        common.put("lambda.slot", settings.slot().toSeconds() + "s");
        common.put("lambda.views.location", "file:" + settings.repositoryRoot().resolve("config/views.yml"));
        common.put("logging.file.name", "");

        Map<String, Object> ingest = new LinkedHashMap<>(common);
        ingest.put("lambda.archive.enabled", true);
        ingest.put("lambda.archive.max-file-age", "5s");
        add("ingest", "ingest-service", ports.ingest(), ingest);

        Map<String, Object> speed = new LinkedHashMap<>(common);
        speed.put("lambda.speed.state-dir", settings.dataDirectory().resolve("speed-state").toString());
        speed.put("lambda.speed.application-id", settings.topic().replace('.', '-') + "-speed");
        add("speed", "speed-service", ports.speed(), speed);

        Map<String, Object> batch = new LinkedHashMap<>(common);
        batch.put("lambda.data-dir", settings.dataDirectory().toAbsolutePath().toString()); // H2 job repository
        batch.put("lambda.batch.interval", settings.batchInterval().toSeconds() + "s");
        add("batch", "batch-service", ports.batch(), batch);

        Map<String, Object> query = new LinkedHashMap<>(common);
        query.put("lambda.query.batch-url", "http://127.0.0.1:" + ports.batch());
        add("query", "query-service", ports.query(), query);

        Map<String, Object> gateway = new LinkedHashMap<>(StackProperties.of(endpoints.kafka(), endpoints.redis()));
        gateway.put("spring.profiles.active", "local");
        gateway.put("lambda.gateway.services.ingest.instances[0]", "http://127.0.0.1:" + ports.ingest());
        gateway.put("lambda.gateway.services.query.instances[0]", "http://127.0.0.1:" + ports.query());
        gateway.put("lambda.gateway.services.batch.instances[0]", "http://127.0.0.1:" + ports.batch());
        add("gateway", "gateway", ports.gateway(), gateway);

        ServiceProcess first = services.get("ingest");
        first.start();
        first.awaitHealthy(START_TIMEOUT);
        List<ServiceProcess> rest = new ArrayList<>(services.values());
        rest.remove(first);
        rest.forEach(ServiceProcess::start);
        rest.forEach(service -> service.awaitHealthy(START_TIMEOUT));
        log.info("Platform healthy: {}", services.keySet());
    }

    private void add(String name, String module, int port, Map<String, Object> properties) {
        properties.putAll(settings.overrides().getOrDefault(name, Map.of()));
        Path logFile = settings.dataDirectory().resolve("logs").resolve(name + ".log");
        services.put(name, new ServiceProcess(name, settings.jar(module), settings.jvmOptions(),
                List.of(StackProperties.asArguments(properties)), logFile, port, port + 1000));
    }

    /** The gateway's base URL. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + settings.ports().gateway();
    }

    /** A service by name: ingest, speed, batch, query or gateway. */
    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new NoSuchElementException("no service " + name + " in " + services.keySet());
        }
        return service;
    }

    /** Every service, in start order. */
    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** Stops the services in reverse start order. */
    @Override
    public void close() {
        List<ServiceProcess> reverse = new ArrayList<>(services.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(ServiceProcess::stop);
    }
}
