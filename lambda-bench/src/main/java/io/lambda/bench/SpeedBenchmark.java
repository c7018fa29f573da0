package io.lambda.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.view.ViewCatalogLoader;
import io.lambda.core.view.ViewDefinition;
import io.lambda.ingest.kafka.EventProducerSettings;
import io.lambda.local.PlatformSettings;
import io.lambda.local.ServiceProcess;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The speed layer's catch-up, Redis cost and freshness: {@code speed [scale=1] [jfr] [heap=2g]} ({@code 0.1} = 100k
 * events, a smoke run; {@code jfr} records the speed process with Java Flight Recorder during the catch-up and prints
 * where its time went, {@link SpeedBenchmarkProfile}; {@code heap} is the speed JVM's {@code -Xmx}).
 *
 * <p>Preloads a 6-partition {@code LogAppendTime} topic with {@code 1,000,000 x scale} Avro events for the example
 * views ({@link SpeedBenchmarkEvents}) from a batching producer, then reads the whole topic three ways, on the same
 * machine in one run:
 * <ol>
 * <li>(b) a raw consumer loop that polls and decodes ({@link SpeedBenchmarkBaselines#rawConsumer}), in this JVM;
 * <li>(a) a minimal Kafka Streams {@code exactly_once_v2} application counting records per key into a state store with
 * the speed service's commit interval ({@link SpeedBenchmarkBaselines#streams}), in this JVM;
 * <li>the speed service as its own process from its exec jar ({@link ServiceProcess}, the local platform's JVM options),
 * with its own application id and a fresh key prefix, timed from healthy until lag 0: every {@code s:{v:ver:p}:offset}
 * of every view version equals the partition's end offset.
 * </ol>
 * The baselines first run once on a small topic of their own, to warm this JVM's JIT up; the speed service starts
 * cold, as after a deploy. Prints events/s of each and the ratios speed / (a) and speed / (b); Redis commands per event
 * during the catch-up from {@code INFO commandstats} (every command Redis executed, those inside the flush scripts
 * included, and the scripts alone); {@code used_memory} growth over the serialized bytes of the aggregates stored
 * (with {@code MEMORY USAGE} per view); and, with the speed service still running, freshness at a steady 2,000
 * events/s for 20 s: from each record's append time (the produce ack's {@code LogAppendTime}) until the partition's
 * flushed offset passed its offset (polled every 5 ms; the broker runs in this JVM, so both share the clock). Also
 * the CPU the speed process, Redis and this JVM (broker, load) spent per 1,000 events, as a profile. Nothing is
 * asserted.
 */
final class SpeedBenchmark {

    private static final int PARTITIONS = 6;
    private static final long FULL_EVENTS = 1_000_000;
    /** The speed service's default {@code lambda.speed.commit-interval}: the Streams baseline uses the same. */
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    private static final Duration SLOT = Duration.ofMinutes(5);
    private static final int STEADY_RATE = 2_000;
    private static final Duration STEADY = Duration.ofSeconds(20);
    /**
     * The speed JVM's heap. The local platform gives every service 512m; a task keeps its cells in memory, and 1 M
     * events of the example views (high-cardinality urls, late events) outgrow 512m: the JVM then spends its time in
     * full GCs. {@code heap=512m} runs with the platform's figure.
     */
    private static final String DEFAULT_HEAP = "2g";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofMinutes(5);
    /** On 2 shared cores the speed service may take long: its catch-up gives up later than the baselines'. */
    private static final Duration CATCH_UP_WAIT = Duration.ofMinutes(20);
    private static final long FRESHNESS_POLL_NANOS = 5_000_000;

    private SpeedBenchmark() {
    }

    static void run(String[] args) throws Exception {
        double scale = 1.0;
        boolean profile = false;
        String heap = DEFAULT_HEAP;
        for (String arg : args) {
            if (arg.equals("jfr")) {
                profile = true;
            } else if (arg.startsWith("heap=")) {
                heap = arg.substring("heap=".length());
            } else {
                scale = Double.parseDouble(arg);
            }
        }
        long events = Math.max(10_000, Math.round(FULL_EVENTS * scale));
        Duration steady = Duration.ofMillis(Math.round(STEADY.toMillis() * Math.min(1, Math.max(0.25, scale))));
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);

        Path root = PlatformSettings.findRepositoryRoot();
        Path jar = execJar(root, "speed-service");
        String viewsLocation = "file:" + root.resolve("config/views.yml");
        List<ViewDefinition> views = ViewCatalogLoader.load(viewsLocation).views();
        LambdaStack stack = LambdaStack.get();
        String topic = stack.createTopic("bench-speed", PARTITIONS, Map.of("message.timestamp.type", "LogAppendTime"));

        String warmupTopic = stack.createTopic("bench-speed-warmup", PARTITIONS,
                Map.of("message.timestamp.type", "LogAppendTime"));

        // the baselines run once on a small topic first, to warm this JVM's JIT up; the speed service starts cold,
        // as after a deploy, and is timed from healthy
        preload(stack, warmupTopic, Math.max(20_000, events / 10));
        Map<TopicPartition, Long> warmupEnds = endOffsets(stack, warmupTopic);
        SpeedBenchmarkBaselines.rawConsumer(stack, warmupEnds);
        SpeedBenchmarkBaselines.streams(stack, warmupTopic, warmupEnds, COMMIT_INTERVAL);

        Preload preload = preload(stack, topic, events);
        Map<TopicPartition, Long> ends = endOffsets(stack, topic);
        SpeedBenchmarkBaselines.Run raw = SpeedBenchmarkBaselines.rawConsumer(stack, ends);
        SpeedBenchmarkBaselines.Run streams = SpeedBenchmarkBaselines.streams(stack, topic, ends, COMMIT_INTERVAL);
        List<String> jvm = List.of("-Xmx" + heap, "-XX:+UseSerialGC"); // the local platform's GC
        SpeedRun speed = runSpeed(stack, topic, ends, jar, viewsLocation, views, steady, profile, jvm);

        print(scale, preload, views, raw, streams, speed, jvm);
        if (speed.recording() != null) {
            SpeedBenchmarkProfile.print(speed.recording());
        }
        System.out.flush();
    }

    // ---- preload

    record Preload(long events, long bytes, long nanos) {
    }

    private static Preload preload(LambdaStack stack, String topic, long events) throws Exception {
        Map<String, Object> properties = new HashMap<>(stack.producerProperties());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        SpeedBenchmarkEvents generator = new SpeedBenchmarkEvents(42, "sb-" + UUID.randomUUID().toString()
                .substring(0, 8) + "-");
        EventAvroCodec codec = new EventAvroCodec();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < events; i++) {
                Event event = generator.next(Instant.now());
                byte[] value = codec.encode(event);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, event.id(), value), (metadata, exception) -> {
                    if (exception != null) {
                        failed.incrementAndGet();
                        failure.compareAndSet(null, exception);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records were not written", failure.get());
        }
        return new Preload(events, bytes, System.nanoTime() - start);
    }

    private static Map<TopicPartition, Long> endOffsets(LambdaStack stack, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        stack.admin().listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    // ---- the speed service

    /** What the speed run measured. */
    record SpeedRun(long records, long catchUpNanos, long toHealthyNanos, double speedCpu, double redisCpu,
            double jvmCpu, double startCpu, Map<String, Long> catchUpCommands, long usedMemoryDelta,
            List<SpeedBenchmarkRedis.Stored> stored, Map<String, Double> catchUpMetrics, Freshness freshness,
            Path logFile, @Nullable Path recording) {

        double eventsPerSecond() {
            return records * 1e9 / catchUpNanos;
        }
    }

    private static SpeedRun runSpeed(LambdaStack stack, String topic, Map<TopicPartition, Long> ends, Path jar,
            String viewsLocation, List<ViewDefinition> views, Duration steady, boolean profile, List<String> jvmOptions)
            throws Exception {
        String prefix = stack.newKeyPrefix();
        ServingKeys keys = new ServingKeys(prefix);
        Path work = Files.createTempDirectory("lambda-bench-speed");
        Map<String, Object> properties = new LinkedHashMap<>(StackProperties.of(stack));
        properties.put("lambda.events.name", topic);
        properties.put("lambda.events.partitions", PARTITIONS);
        properties.put("lambda.serving.key-prefix", prefix);
        properties.put("lambda.slot", SLOT.toSeconds() + "s");
        properties.put("lambda.views.location", viewsLocation);
        properties.put("lambda.speed.application-id", "bench-speed-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("lambda.speed.state-dir", work.resolve("speed-state").toString());
        properties.put("logging.file.name", "");
        int port = PlatformSettings.Ports.free().speed();
        @Nullable Path recording = profile ? work.resolve("speed-catch-up.jfr") : null;
        List<String> jvm = new ArrayList<>(jvmOptions);
        if (recording != null) {
            jvm.add(SpeedBenchmarkProfile.jvmOption(recording));
        }
        ServiceProcess service = new ServiceProcess("speed", jar, jvm,
                List.of(StackProperties.asArguments(properties)), work.resolve("speed.log"), port, port + 1000);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        try (SpeedBenchmarkRedis redis = new SpeedBenchmarkRedis(stack.redis().host(), stack.redis().port(), keys,
                PARTITIONS);
             RedisStats stats = new RedisStats(stack.redis().host(), stack.redis().port())) {
            Map<String, Long> commandsBefore = redis.commandCalls();
            long memoryBefore = stats.usedMemory();
            RedisStats.Cpu redisBefore = stats.cpu();
            long jvmBefore = JvmCpu.nanos();
            long started = System.nanoTime();
            service.start();
            ProcessHandle process = child(jar);
            service.awaitHealthy(START_TIMEOUT);
            long healthy = System.nanoTime();
            // the versions the service computes, from its health details: its jar may hash views.yml differently
            // from the lambda-core this benchmark was built with
            redis.versions(versions(service.managementPort()));
            double startCpu = cpuSeconds(process);
            long atHealthy = Arrays.stream(redis.flushed()).sum();
            long deadline = healthy + CATCH_UP_WAIT.toNanos();
            long flushed;
            while ((flushed = Arrays.stream(redis.flushed()).sum()) < total) {
                if (System.nanoTime() > deadline || !service.isAlive()) {
                    throw new IllegalStateException("speed flushed " + flushed + " of " + total + " records; its log"
                            + " ends:\n" + service.logTail(40));
                }
                LockSupport.parkNanos(20_000_000); // poll interval of a bounded wait
            }
            long caughtUp = System.nanoTime();
            if (recording != null) {
                SpeedBenchmarkProfile.stop(process.pid(), recording);
            }
            Map<String, Long> catchUpCommands = SpeedBenchmarkRedis.delta(commandsBefore, redis.commandCalls());
            long usedMemoryDelta = stats.usedMemory() - memoryBefore;
            double speedCpu = cpuSeconds(process) - startCpu;
            double redisCpu = stats.cpu().minus(redisBefore).total();
            double jvmCpu = (JvmCpu.nanos() - jvmBefore) / 1e9;
            Map<String, Double> catchUpMetrics = prometheus(service.managementPort());
            List<SpeedBenchmarkRedis.Stored> stored = redis.stored();

            Freshness freshness = freshness(stack, topic, redis, stats, process, service.managementPort(), steady);
            return new SpeedRun(total - atHealthy, caughtUp - healthy, healthy - started, speedCpu, redisCpu, jvmCpu,
                    startCpu, catchUpCommands, usedMemoryDelta, stored, catchUpMetrics, freshness,
                    service.logFile(), recording);
        } finally {
            service.stop();
        }
    }

    /** The view versions the service computes ({@code name:version}), from its health details. */
    private static List<SpeedBenchmarkRedis.Version> versions(int managementPort) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + managementPort + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"versions\":\\[([^\\]]*)]")
                .matcher(response.body());
        if (!matcher.find() || matcher.group(1).isBlank()) {
            throw new IllegalStateException("no versions in the speed service's health: " + response.body());
        }
        List<SpeedBenchmarkRedis.Version> versions = new ArrayList<>();
        for (String quoted : matcher.group(1).split(",")) {
            versions.add(SpeedBenchmarkRedis.Version.parse(quoted.trim().replace("\"", "")));
        }
        return versions;
    }

    /** The service's JVM: the child process running its jar. */
    private static ProcessHandle child(Path jar) {
        String name = jar.getFileName().toString();
        return ProcessHandle.current().children()
                .filter(h -> h.info().commandLine().map(c -> c.contains(name)).orElse(false)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no child process runs " + name));
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The speed service's own meters, summed over their tags: {@code name -> value}. */
    private static Map<String, Double> prometheus(int managementPort) {
        Map<String, Double> sums = new HashMap<>();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + managementPort + "/actuator/prometheus")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            for (String line : response.body().split("\n")) {
                if (line.startsWith("lambda_speed_") || line.startsWith("jvm_gc_pause_seconds_")
                        || line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    int space = line.lastIndexOf(' ');
                    int brace = line.indexOf('{');
                    String name = line.substring(0, brace < 0 || brace > space ? space : brace);
                    sums.merge(name, Double.parseDouble(line.substring(space + 1)), Double::sum);
                }
            }
        } catch (Exception e) {
            sums.put("(unavailable: " + e + ")", Double.NaN);
        }
        return sums;
    }

    // ---- freshness

    record Freshness(long sent, long seen, double seconds, long[] latenciesMillis, Map<String, Long> commands,
            double speedCpu, double redisCpu, Map<String, Double> metricsBefore, Map<String, Double> metricsAfter) {

        long percentile(double p) {
            if (latenciesMillis.length == 0) {
                return -1;
            }
            return latenciesMillis[(int) Math.min(latenciesMillis.length - 1, Math.ceil(p * latenciesMillis.length) - 1)];
        }
    }

    private static Freshness freshness(LambdaStack stack, String topic, SpeedBenchmarkRedis redis, RedisStats stats,
            ProcessHandle process, int managementPort, Duration duration) throws Exception {
        @SuppressWarnings("unchecked")
        ConcurrentLinkedQueue<long[]>[] pending = new ConcurrentLinkedQueue[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            pending[p] = new ConcurrentLinkedQueue<>();
        }
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[] latencies = new long[(int) (STEADY_RATE * duration.toSeconds() * 2 + 1_000)];
        AtomicLong seen = new AtomicLong();
        AtomicLong sentTotal = new AtomicLong(-1);
        Map<String, Double> metricsBefore = prometheus(managementPort);
        Map<String, Long> commandsBefore = redis.commandCalls();
        RedisStats.Cpu redisBefore = stats.cpu();
        double speedBefore = cpuSeconds(process);
        Thread poller = new Thread(() -> {
            long deadline = System.nanoTime() + duration.toNanos() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                long[] flushed = redis.flushed();
                long now = System.currentTimeMillis();
                for (int p = 0; p < PARTITIONS; p++) {
                    long[] head;
                    while ((head = pending[p].peek()) != null && head[0] < flushed[p]) {
                        pending[p].poll();
                        int at = (int) seen.getAndIncrement();
                        if (at < latencies.length) {
                            latencies[at] = now - head[1];
                        }
                    }
                }
                long sent = sentTotal.get();
                if (sent >= 0 && acked.get() + failed.get() >= sent && seen.get() >= acked.get()) {
                    return;
                }
                LockSupport.parkNanos(FRESHNESS_POLL_NANOS);
            }
        }, "speed-freshness");
        poller.start();
        SpeedBenchmarkEvents generator = new SpeedBenchmarkEvents(43, "sf-" + UUID.randomUUID().toString()
                .substring(0, 8) + "-");
        EventAvroCodec codec = new EventAvroCodec();
        long sent = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(EventProducerSettings.of(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()), Duration.ofSeconds(5)))) {
            long now;
            while ((now = System.nanoTime()) - start < duration.toNanos()) {
                long due = (now - start) * STEADY_RATE / 1_000_000_000L;
                for (; sent < due; sent++) {
                    Event event = generator.next(Instant.now());
                    producer.send(new ProducerRecord<>(topic, event.id(), codec.encode(event)), (metadata, e) -> {
                        if (e == null) {
                            pending[metadata.partition()].add(new long[] {metadata.offset(), metadata.timestamp()});
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    });
                }
                LockSupport.parkNanos(1_000_000);
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sentTotal.set(sent);
        poller.join(WAIT.toMillis() + duration.toMillis());
        Map<String, Long> commands = SpeedBenchmarkRedis.delta(commandsBefore, redis.commandCalls());
        double speedCpu = cpuSeconds(process) - speedBefore;
        double redisCpu = stats.cpu().minus(redisBefore).total();
        int count = (int) Math.min(seen.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new Freshness(sent, seen.get(), seconds, sorted, commands, speedCpu, redisCpu, metricsBefore,
                prometheus(managementPort));
    }

    // ---- report

    private static void print(double scale, Preload preload, List<ViewDefinition> views,
            SpeedBenchmarkBaselines.Run raw, SpeedBenchmarkBaselines.Run streams, SpeedRun speed, List<String> jvm) {
        System.out.printf("speed benchmark (scale %.2f): %,d events (%.0f bytes Avro on average) on %d partitions "
                + "(LogAppendTime), views %s, slot %s, commit interval %d ms; speed JVM %s%n", scale, preload.events(),
                (double) preload.bytes() / preload.events(), PARTITIONS,
                views.stream().map(ViewDefinition::name).collect(Collectors.joining(", ")),
                SLOT, COMMIT_INTERVAL.toMillis(), String.join(" ", jvm));
        System.out.printf("preload: %,d events in %.1f s = %,.0f events/s%n", preload.events(), preload.nanos() / 1e9,
                preload.events() * 1e9 / preload.nanos());
        System.out.println();
        System.out.println("catch-up over the whole topic (after a warm-up of the baselines on a small topic; CPU of"
                + " this JVM, broker included, per 1,000 events):");
        printRun(raw);
        printRun(streams);
        System.out.printf("  %-42s: %,10.0f events/s  (%,d events in %.1f s from healthy to lag 0; %.1f s from"
                + " process start to healthy)%n", "speed service (own process, cold JVM)", speed.eventsPerSecond(),
                speed.records(), speed.catchUpNanos() / 1e9, speed.toHealthyNanos() / 1e9);
        System.out.printf("ratio speed / (a) Kafka Streams EOS: %.2f (goal >= 0.5)%n",
                speed.eventsPerSecond() / streams.eventsPerSecond());
        System.out.printf("ratio speed / (b) raw consumer      : %.2f%n", speed.eventsPerSecond() / raw.eventsPerSecond());
        System.out.println();

        long commands = speed.catchUpCommands().values().stream().mapToLong(Long::longValue).sum();
        long scripts = speed.catchUpCommands().getOrDefault("evalsha", 0L) + speed.catchUpCommands()
                .getOrDefault("eval", 0L);
        System.out.printf("Redis commands per event, catch-up: %.4f (goal <= 0.05; every command Redis executed, those"
                + " inside the flush scripts included: %,d for %,d events); flush scripts (round trips) per event:"
                + " %.5f%n", (double) commands / speed.records(), commands, speed.records(),
                (double) scripts / speed.records());
        System.out.printf("  by command: %s%n", speed.catchUpCommands());
        long payload = speed.stored().stream().mapToLong(SpeedBenchmarkRedis.Stored::payloadBytes).sum();
        long aggregates = speed.stored().stream().mapToLong(SpeedBenchmarkRedis.Stored::aggregates).sum();
        System.out.printf("Redis memory per stored aggregate / its serialized bytes: %.2f (goal <= 1.5; used_memory"
                + " grew %,d bytes for %,d aggregates of %,d serialized bytes, %.0f bytes each)%n",
                (double) speed.usedMemoryDelta() / payload, speed.usedMemoryDelta(), aggregates, payload,
                (double) payload / Math.max(1, aggregates));
        for (SpeedBenchmarkRedis.Stored view : speed.stored()) {
            System.out.printf("  %-10s: %,7d hashes, %,8d aggregates, %,11d serialized bytes (%.0f per aggregate),"
                    + " field names %,9d bytes, MEMORY USAGE %,11d bytes = %.2f x serialized%n", view.view(),
                    view.hashes(), view.aggregates(), view.payloadBytes(),
                    (double) view.payloadBytes() / Math.max(1, view.aggregates()), view.fieldBytes(),
                    view.memoryUsage(), (double) view.memoryUsage() / Math.max(1, view.payloadBytes()));
        }
        System.out.println();

        Freshness f = speed.freshness();
        System.out.printf("freshness at %,d events/s for %.0f s (%,d sent, %,d seen in Redis), append time to visible"
                + " in Redis: p50 %d ms, p99 %d ms (goal < 1000), max %d ms%n", STEADY_RATE, f.seconds(), f.sent(),
                f.seen(), f.percentile(0.50), f.percentile(0.99), f.percentile(1.0));
        long steadyCommands = f.commands().values().stream().mapToLong(Long::longValue).sum();
        long steadyScripts = f.commands().getOrDefault("evalsha", 0L) + f.commands().getOrDefault("eval", 0L);
        System.out.printf("Redis commands per event, steady rate: %.3f (flush scripts %.4f); by command: %s%n",
                (double) steadyCommands / Math.max(1, f.sent()), (double) steadyScripts / Math.max(1, f.sent()),
                f.commands());
        System.out.println();

        System.out.println("profile, CPU per 1,000 events:");
        System.out.printf("  catch-up: speed process %.1f ms, Redis %.1f ms, this JVM (broker, polling) %.1f ms; the"
                + " speed process used %.1f CPU s to start%n", speed.speedCpu() * 1e6 / speed.records(),
                speed.redisCpu() * 1e6 / speed.records(), speed.jvmCpu() * 1e6 / speed.records(), speed.startCpu());
        System.out.printf("  steady  : speed process %.1f ms, Redis %.1f ms%n", f.speedCpu() * 1e6 / Math.max(1,
                f.sent()), f.redisCpu() * 1e6 / Math.max(1, f.sent()));
        printFlushes("catch-up", speed.catchUpMetrics(), Map.of());
        System.out.printf("  speed JVM at lag 0: heap used %,.0f MB, GC pauses %,.0f totalling %.1f s%n",
                speed.catchUpMetrics().getOrDefault("jvm_memory_used_bytes", 0.0) / 1e6,
                speed.catchUpMetrics().getOrDefault("jvm_gc_pause_seconds_count", 0.0),
                speed.catchUpMetrics().getOrDefault("jvm_gc_pause_seconds_sum", 0.0));
        printFlushes("steady  ", f.metricsAfter(), f.metricsBefore());
        System.out.printf("speed service log: %s%n", speed.logFile());
    }

    private static void printRun(SpeedBenchmarkBaselines.Run run) {
        System.out.printf("  %-42s: %,10.0f events/s  (%,d events in %.1f s; %.1f ms CPU per 1,000%s)%n", run.name(), run.eventsPerSecond(), run.records(), run.nanos() / 1e9, run.cpuMillisPerThousand(),
                run.startNanos() > 0 ? String.format("; %.1f s to RUNNING", run.startNanos() / 1e9) : "");
    }

    private static void printFlushes(String phase, Map<String, Double> after, Map<String, Double> before) {
        double flushes = delta(after, before, "lambda_speed_flush_latency_seconds_count");
        double seconds = delta(after, before, "lambda_speed_flush_latency_seconds_sum");
        double cells = delta(after, before, "lambda_speed_flush_cells_sum");
        System.out.printf("  %s: %,.0f task flushes, %.1f ms each on average, %.0f cells each; speed metrics: "
                + "processed %,.0f, skipped %,.0f, refused %,.0f, rewrites %,.0f, failures %,.0f%n", phase, flushes,
                flushes == 0 ? 0 : seconds * 1e3 / flushes, flushes == 0 ? 0 : cells / flushes,
                delta(after, before, "lambda_speed_events_processed_total"),
                delta(after, before, "lambda_speed_records_skipped_total"),
                delta(after, before, "lambda_speed_flush_refused_total"),
                delta(after, before, "lambda_speed_flush_rewrites_total"),
                delta(after, before, "lambda_speed_flush_failures_total"));
    }

    private static double delta(Map<String, Double> after, Map<String, Double> before, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    /** {@code <module>/target/<module>-*-exec.jar}. */
    private static Path execJar(Path root, String module) throws Exception {
        Path target = root.resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith(module + "-")
                    && f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + module + "-*-exec.jar in " + target
                            + ": ./mvnw -B -q -pl " + module + " package -DskipTests"));
        }
    }
}
