package io.lambda.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.lambda.ingest.IngestApplication;
import io.lambda.ingest.kafka.EventProducerSettings;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import ch.qos.logback.classic.Level;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ingest throughput over HTTP beside a raw-producer baseline, in one run on the same broker.
 *
 * <p>{@code ingest [clients=16] [rounds=5] [roundSeconds=8] [warmupSeconds=60]}: starts the LambdaStack (Kafka,
 * Redis) and two ingest services in-process on random ports, one as deployed (Redis dedup on) and one with
 * {@code lambda.ingest.dedup-enabled=false}, and, after a warm-up of each, measures in alternating rounds
 * <ol>
 * <li>HTTP: {@code clients} threads POSTing JSON arrays of 1,000 events of ~300 bytes, each with new ids, over
 * keep-alive connections of a minimal client ({@link KeepAliveHttpClient}), so the cores go to the service;
 * <li>the same against the service without dedup;
 * <li>raw producer, batches: {@code clients} threads each sending the same 1,000 events as Avro records with
 * ingest's producer settings ({@link EventProducerSettings}) and waiting for their acks, as ingest does per request;
 * </ol>
 * and once more
 * <ol start="4">
 * <li>raw producer, streaming: one thread sending those records without waiting, the producer's ceiling.
 * </ol>
 * Each topic has 6 partitions and {@code LogAppendTime}. Prints events/s of each round, the medians, the CPU the
 * JVM (services, broker and load generator alike) spent per 1,000 events, the CPU the Redis server spent per
 * 1,000 events of each load (it shares the cores), and the ratios: of events/s, and of the CPU an event costs the
 * machine (JVM + Redis), which the ratio of events/s approaches when every load keeps the shared cores busy. Last,
 * dedup's CPU per event (the difference between the two services) and the ratio it caps HTTP / raw at, about, on
 * shared cores, even for an ingest path whose HTTP, parsing, validation and encoding cost nothing: raw / (raw + dedup).
 */
public final class IngestBenchmark {

    private static final int EVENTS_PER_BODY = 1_000;
    private static final int PARTITIONS = 6;
    private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(5);
    /** Batch numbers make the ids: every request and every baseline batch of the run has ids of its own. */
    private static final AtomicLong HTTP_BATCHES = new AtomicLong();
    private static final AtomicLong RAW_BATCHES = new AtomicLong(1_000_000_000L);

    private IngestBenchmark() {
    }

    public static void run(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long roundMillis = (args.length > 2 ? Long.parseLong(args[2]) : 8) * 1000;
        long warmupMillis = (args.length > 3 ? Long.parseLong(args[3]) : 60) * 1000;
        // the broker logs a lot at logback's default DEBUG; the benchmark's output is its figures
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        LambdaStack stack = LambdaStack.get();
        IngestBodies bodies = new IngestBodies(EVENTS_PER_BODY);
        String baselineTopic = stack.createTopic("bench-baseline", PARTITIONS,
                Map.of("message.timestamp.type", "LogAppendTime"));

        IngestLoad http = new IngestLoad("HTTP POST /api/v1/events (median)");
        IngestLoad httpWithoutDedup = new IngestLoad("HTTP, lambda.ingest.dedup-enabled=false");
        IngestLoad batches = new IngestLoad("raw producer, 1,000-record batches (median)");
        IngestThroughput.Result streaming;
        try (ConfigurableApplicationContext ingest = startIngest(stack, true);
             ConfigurableApplicationContext ingestWithoutDedup = startIngest(stack, false);
             Producer<String, byte[]> producer = new KafkaProducer<>(producerSettings(stack));
             RedisStats redis = new RedisStats(stack.redis().host(), stack.redis().port())) {
            int port = port(ingest);
            int portWithoutDedup = port(ingestWithoutDedup);
            RawProducerLoad raw = new RawProducerLoad(producer, baselineTopic, bodies, RAW_BATCHES, PRODUCE_TIMEOUT);
            // long enough for the JIT: on 2 cores it compiles for half a minute and more, on the cores measured
            measureHttp(port, bodies, clients, warmupMillis, 0);
            measureHttp(portWithoutDedup, bodies, clients, warmupMillis / 3, 0);
            raw.batches(clients, warmupMillis / 3, 0);
            // alternate the loads, so a change in the machine's load hits all alike
            for (int round = 0; round < rounds; round++) {
                http.measure(redis, roundMillis, () -> measureHttp(port, bodies, clients, 0, roundMillis));
                httpWithoutDedup.measure(redis, roundMillis,
                        () -> measureHttp(portWithoutDedup, bodies, clients, 0, roundMillis));
                batches.measure(redis, roundMillis, () -> raw.batches(clients, 0, roundMillis));
            }
            streaming = raw.streaming(2_000, roundMillis);
        }

        System.out.printf("ingest benchmark: %d clients, %,d events of ~%d bytes per request, %d partitions, "
                + "%d alternating rounds of %d s after %d s of warm-up%n", clients, EVENTS_PER_BODY,
                bodies.bytesPerEvent(), PARTITIONS, rounds, roundMillis / 1000, warmupMillis / 1000);
        List<Double> roundRatios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double ratio = http.round(round).eventsPerSecond() / batches.round(round).eventsPerSecond();
            roundRatios.add(ratio);
            System.out.printf("round %d: HTTP %,.0f events/s, HTTP without dedup %,.0f events/s, raw batches %,.0f "
                    + "events/s; HTTP / raw %.2f%n", round + 1, http.round(round).eventsPerSecond(),
                    httpWithoutDedup.round(round).eventsPerSecond(), batches.round(round).eventsPerSecond(), ratio);
        }
        roundRatios.sort(null);
        http.print();
        httpWithoutDedup.print();
        batches.print();
        IngestLoad.print("raw producer, streaming", streaming);
        System.out.printf("%-44s: %.1f ms per 1,000 events (dedup; on the same cores, not in the JVM figures)%n",
                "Redis server CPU during the HTTP rounds", http.redisMillisPerThousandEvents());
        System.out.printf("ratio HTTP / raw batches   : %.2f (of the medians; per round: median %.2f, %.2f .. %.2f)%n",
                http.median().eventsPerSecond() / batches.median().eventsPerSecond(), roundRatios.get(rounds / 2),
                roundRatios.get(0), roundRatios.get(rounds - 1));
        System.out.printf("ratio HTTP / raw streaming : %.2f%n", http.median().eventsPerSecond() / streaming.eventsPerSecond());
        System.out.printf("ratio HTTP without dedup / raw batches : %.2f%n",
                httpWithoutDedup.median().eventsPerSecond() / batches.median().eventsPerSecond());
        // when every load keeps the shared cores busy, the ratio of events/s approaches the ratio of CPU per event
        System.out.printf("ratio of CPU per event (JVM + Redis), raw batches / HTTP : %.2f, without dedup %.2f%n",
                batches.machineMillisPerThousandEvents() / http.machineMillisPerThousandEvents(),
                batches.machineMillisPerThousandEvents() / httpWithoutDedup.machineMillisPerThousandEvents());
        // dedup's own cost is the difference between the two services; on shared cores it caps the ratio even for an
        // ingest path whose HTTP, parsing, validation and encoding cost nothing
        double dedup = http.machineMillisPerThousandEvents() - httpWithoutDedup.machineMillisPerThousandEvents();
        double raw = batches.machineMillisPerThousandEvents();
        System.out.printf("dedup's CPU per 1,000 events: %.1f ms (JVM %.1f, Redis %.1f); on shared cores an ingest path"
                + " with dedup reaches about raw / (raw + dedup) = %.2f at best%n", dedup,
                http.median().cpuMillisPerThousandEvents() - httpWithoutDedup.median().cpuMillisPerThousandEvents(),
                http.redisMillisPerThousandEvents() - httpWithoutDedup.redisMillisPerThousandEvents(),
                raw / (raw + dedup));
        System.out.flush();
    }

    private static int port(ConfigurableApplicationContext ingest) {
        return Integer.parseInt(ingest.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** An ingest service on a topic of its own, with or without Redis dedup. */
    private static ConfigurableApplicationContext startIngest(LambdaStack stack, boolean dedup) {
        String topic = "bench-ingest-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.putAll(StackProperties.of(stack));
        properties.put("lambda.ingest.dedup-enabled", dedup);
        properties.put("lambda.events.name", topic);
        properties.put("lambda.events.partitions", PARTITIONS);
        properties.put("lambda.serving.key-prefix", stack.newKeyPrefix());
        properties.put("lambda.ingest.produce-timeout", PRODUCE_TIMEOUT.toMillis() + "ms");
        // the benchmark measures ingestion only: the archiver role stays off
        properties.put("lambda.archive.enabled", false);
        return new SpringApplicationBuilder(IngestApplication.class).run(StackProperties.asArguments(properties));
    }

    private static IngestThroughput.Result measureHttp(int port, IngestBodies bodies, int clients, long warmupMillis,
            long measureMillis) throws Exception {
        ThreadLocal<KeepAliveHttpClient> connections = new ThreadLocal<>();
        List<KeepAliveHttpClient> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            return IngestThroughput.measure(clients, warmupMillis, measureMillis, HTTP_BATCHES, batch -> {
                KeepAliveHttpClient client = connections.get();
                if (client == null) {
                    client = new KeepAliveHttpClient("127.0.0.1", port);
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

    private static Map<String, Object> producerSettings(LambdaStack stack) {
        return EventProducerSettings.of(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                PRODUCE_TIMEOUT);
    }
}
