package io.lambda.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.lambda.local.PlatformSettings;
import io.lambda.local.ServiceProcess;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query latency over HTTP beside a raw Lettuce baseline fetching the same keys, in one run on the same Redis:
 * {@code query [scale=1] [clients=2]}.
 *
 * <p>Loads a fresh key prefix with {@link QueryServingLoad} (1,000 urls, 24 h of minute buckets: a batch run's rows
 * up to {@code T}, then two hours of speed partials of 6 partitions, every position at the topic's end so the
 * answers are complete), starts the query service from its jar as its own process (as the local platform does) and
 * checks one answer of each query against the events and the baseline. Then, closed loop with {@code clients}
 * threads, after a warm-up, in interleaved rounds:
 * <ol type="a">
 * <li>a 24 h minute series, no filter (1,440 points), beside HGETALL of its 24 row hashes and the partials;
 * <li>the same with {@code dim.url=}, beside HMGET of that url's 1,440 fields and HGETALL of the url partials;
 * <li>the top 100 urls over 24 h ({@code groups}, hour rows), beside HGETALL of the same hashes merged with a plain
 * loop (deserialize, combine per url, sort by count).
 * </ol>
 * Prints p50/p99/queries per second of each, the p99 ratio to the baseline (goal at most 3) and the absolute p99
 * (goals under 50 ms for a and b, under 200 ms for c), and CPU milliseconds per query of the query service, Redis and
 * this JVM (load generator, baseline, Kafka broker). Last, as a profile, the CPU lambda-core's merge of each answer
 * takes alone ({@link QueryMergeProfile}). {@code scale} multiplies the warm-up and round times: 0.1 is a
 * smoke run of well under a minute after the start-up.
 */
public final class QueryBenchmark {

    private static final int ROUNDS = 5;
    private static final Duration WARMUP = Duration.ofSeconds(40);
    private static final Duration ROUND = Duration.ofSeconds(4);
    private static final int TOP = 100;
    /** A url of middling rank: about 0.5 % of the events. */
    private static final String FILTERED_URL = QueryServingLoad.url(25);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC"); // as lambda-local
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private QueryBenchmark() {
    }

    public static void run(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        LambdaStack stack = LambdaStack.get();
        String host = stack.redis().host();
        int redisPort = stack.redis().port();
        String topic = stack.createTopic("bench-query", QueryServingLoad.PARTITIONS,
                Map.of("message.timestamp.type", "LogAppendTime"));
        String prefix = stack.newKeyPrefix();

        long loadStart = System.nanoTime();
        QueryServingLoad data = QueryServingLoad.write(host, redisPort, prefix, endOffsets(stack, topic));
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Path root = PlatformSettings.findRepositoryRoot();
        Path dataDirectory = Files.createTempDirectory("query-bench");
        PlatformSettings.Ports ports = PlatformSettings.Ports.free();
        PlatformSettings settings = new PlatformSettings(root, dataDirectory, topic, prefix,
                data.slots.length(), Duration.ofHours(1), ports, JVM_OPTIONS, Map.of());
        Map<String, Object> properties = new LinkedHashMap<>(StackProperties.of(stack));
        properties.put("lambda.events.name", topic);
        properties.put("lambda.events.partitions", QueryServingLoad.PARTITIONS);
        properties.put("lambda.serving.key-prefix", prefix);
        properties.put("lambda.slot", data.slots.length().toSeconds() + "s");
        properties.put("lambda.views.location", "file:" + data.viewsFile);
        properties.put("logging.file.name", "");
        ServiceProcess query = new ServiceProcess("query", settings.jar("query-service"), JVM_OPTIONS,
                List.of(StackProperties.asArguments(properties)), dataDirectory.resolve("logs/query.log"),
                ports.query(), ports.query() + 1000);

        List<QueryLatencies.Result> results;
        Answers checked;
        double[] mergeMillis;
        query.start();
        try (QueryBaseline baseline = new QueryBaseline(host, redisPort, data);
             RedisStats redis = new RedisStats(host, redisPort)) {
            query.awaitHealthy(Duration.ofMinutes(3));
            ProcessHandle service = serviceProcess(query);
            String series = "/api/v1/views/" + QueryServingLoad.VIEW + "/series?from=" + data.from + "&to=" + data.end
                    + "&granularity=minute";
            String filtered = series + "&dim.url=" + URLEncoder.encode(FILTERED_URL, StandardCharsets.UTF_8);
            String groups = "/api/v1/views/" + QueryServingLoad.VIEW + "/groups?from=" + data.from + "&to="
                    + data.end + "&by=url&metric=" + QueryServingLoad.METRIC_COUNT + "&limit=" + TOP;
            List<KeepAliveHttpClient> http = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                http.add(new KeepAliveHttpClient("127.0.0.1", ports.query()));
            }
            try (QueryLatencies harness = new QueryLatencies(clients, () -> new QueryLatencies.Cpu(
                    cpuSeconds(service), redis.cpu().total(), JvmCpu.nanos() / 1e9))) {
                checked = check(http.get(0), baseline, data, series, filtered, groups);
                Map<String, String> filter = Map.of("url", FILTERED_URL);
                results = harness.measure(List.of(
                        new QueryLatencies.Workload("(a) series 24 h minute", c -> get(http.get(c), series)),
                        new QueryLatencies.Workload("    baseline: HGETALL pipeline",
                                QueryLatencies.shared(() -> baseline.series(Map.of()))),
                        new QueryLatencies.Workload("(b) series + dim.url", c -> get(http.get(c), filtered)),
                        new QueryLatencies.Workload("    baseline: HMGET/HGETALL pipeline",
                                QueryLatencies.shared(() -> baseline.series(filter))),
                        new QueryLatencies.Workload("(c) groups top 100 over 24 h", c -> get(http.get(c), groups)),
                        new QueryLatencies.Workload("    baseline: HGETALL + merge loop",
                                QueryLatencies.shared(() -> baseline.groups("url", TOP).size()))),
                        scaled(WARMUP, scale), ROUNDS, scaled(ROUND, scale));
                mergeMillis = QueryMergeProfile.cpuMillis(data, baseline, filter, TOP, scale);
            } finally {
                for (KeepAliveHttpClient client : http) {
                    client.close();
                }
            }
        } finally {
            query.stop();
        }
        print(data, loadSeconds, clients, scale, checked, results, mergeMillis);
    }

    /** What the one checked answer of each query held. */
    private record Answers(int points, long seriesCount, long filteredCount, int groups, long topCount, int bytesA,
            int bytesB, int bytesC) {
    }

    /** One answer of each query, checked against the events and the baseline's merge (before anything is timed). */
    private static Answers check(KeepAliveHttpClient http, QueryBaseline baseline, QueryServingLoad data, String series,
            String filtered, String groups) throws Exception {
        KeepAliveHttpClient.Response a = http.get(series, true);
        KeepAliveHttpClient.Response b = http.get(filtered, true);
        KeepAliveHttpClient.Response c = http.get(groups, true);
        for (KeepAliveHttpClient.Response response : List.of(a, b, c)) {
            if (response.status() != 200) {
                throw new IllegalStateException("query answered " + response.status() + ": " + response.body());
            }
        }
        JsonNode seriesAnswer = JSON.readTree(a.body());
        requireComplete(seriesAnswer, data);
        long seriesCount = sumOfCounts(seriesAnswer.get("points"));
        long filteredCount = sumOfCounts(JSON.readTree(b.body()).get("points"));
        require(seriesAnswer.get("points").size() == 1440, "1,440 points, got " + seriesAnswer.get("points").size());
        require(seriesCount == data.eventsInRange, "series counts " + seriesCount + " of " + data.eventsInRange);
        long expectedFiltered = data.eventsInRangeByUrl.getOrDefault(FILTERED_URL, 0L);
        require(filteredCount == expectedFiltered, "filtered series counts " + filteredCount + " of "
                + expectedFiltered);
        JsonNode groupsAnswer = JSON.readTree(c.body());
        requireComplete(groupsAnswer, data);
        Map<String, Long> expected = new HashMap<>();
        List<QueryBaseline.Group> merged = baseline.groups("url", TOP);
        merged.forEach(group -> expected.put(group.key(), group.count()));
        JsonNode rows = groupsAnswer.get("groups");
        require(rows.size() == TOP, TOP + " groups, got " + rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).get("key").asString();
            long count = rows.get(i).get("metrics").get(QueryServingLoad.METRIC_COUNT).asLong();
            long events = data.eventsInRangeByUrl.getOrDefault(key, 0L);
            // the baseline's top list may cut a tie differently; every count must match the events
            require(count == events, "group " + key + " counts " + count + " of " + events);
            require(count == merged.get(i).count(), "rank " + i + ": service " + count + ", baseline "
                    + merged.get(i).count());
        }
        return new Answers(seriesAnswer.get("points").size(), seriesCount, filteredCount, rows.size(),
                rows.get(0).get("metrics").get(QueryServingLoad.METRIC_COUNT).asLong(), a.length(), b.length(),
                c.length());
    }

    private static void requireComplete(JsonNode answer, QueryServingLoad data) {
        JsonNode completeness = answer.get("completeness");
        require(completeness.get("complete").asBoolean(), "answer not complete: " + completeness);
        require(Instant.parse(completeness.get("boundary").asString()).equals(data.boundary),
                "boundary " + completeness.get("boundary") + ", expected " + data.boundary);
    }

    private static long sumOfCounts(JsonNode points) {
        long sum = 0;
        for (int i = 0; i < points.size(); i++) {
            sum += points.get(i).get("metrics").get(QueryServingLoad.METRIC_COUNT).asLong();
        }
        return sum;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static long get(KeepAliveHttpClient http, String path) throws Exception {
        KeepAliveHttpClient.Response response = http.get(path, false);
        if (response.status() != 200) {
            throw new IllegalStateException("query answered " + response.status() + ": " + response.body());
        }
        return response.length();
    }

    private static void print(QueryServingLoad data, double loadSeconds, int clients, double scale, Answers checked,
            List<QueryLatencies.Result> results, double[] mergeMillis) {
        System.out.printf("query benchmark: view %s, %,d urls, %,d events a minute over 24 h (%,d events in range), "
                + "batch T = %s (%,d row hashes), 2 h of speed partials over %d partitions (%,d partial hashes), "
                + "%,d fields, loaded in %.1f s%n", QueryServingLoad.VIEW, QueryServingLoad.URLS,
                QueryServingLoad.EVENTS_PER_MINUTE, data.eventsInRange, data.boundary, data.batchHashes,
                QueryServingLoad.PARTITIONS, data.speedHashes, data.fields, loadSeconds);
        System.out.printf("checked: (a) %,d points counting %,d events (%,d bytes), (b) %,d events of %s (%,d bytes),"
                + " (c) %d groups, top %,d (%,d bytes): equal to the events and the baseline's merge%n",
                checked.points(), checked.seriesCount(), checked.bytesA(), checked.filteredCount(), FILTERED_URL,
                checked.bytesB(), checked.groups(), checked.topCount(), checked.bytesC());
        System.out.printf("%d client threads, closed loop, %d interleaved rounds of %.1f s after %.0f s of warm-up "
                + "(scale %.2f)%n", clients, ROUNDS, scaled(ROUND, scale).toMillis() / 1e3,
                scaled(WARMUP, scale).toMillis() / 1e3, scale);
        System.out.printf("%-38s %9s %9s %9s %9s  %s%n", "", "p50 ms", "p99 ms", "max ms", "queries/s",
                "CPU ms per query: query service / Redis / bench JVM; p99 per round");
        for (QueryLatencies.Result result : results) {
            QueryLatencies.Cpu cpu = result.cpuMillisPerCall();
            StringBuilder rounds = new StringBuilder();
            for (double p99 : result.roundP99Millis()) {
                rounds.append(String.format(" %.1f", p99));
            }
            System.out.printf("%-38s %9.2f %9.2f %9.2f %9.1f  %.2f / %.2f / %.2f;%s%n", result.name(),
                    result.percentileMillis(0.5), result.percentileMillis(0.99), result.percentileMillis(1.0),
                    result.perSecond(), cpu.service(), cpu.redis(), cpu.jvm(), rounds);
        }
        String[] names = {"(a) series", "(b) series + dim.url", "(c) groups top 100"};
        double[] goals = {50, 50, 200};
        for (int q = 0; q < 3; q++) {
            QueryLatencies.Result service = results.get(2 * q);
            QueryLatencies.Result raw = results.get(2 * q + 1);
            double p99 = service.percentileMillis(0.99);
            double ratio = p99 / raw.percentileMillis(0.99);
            System.out.printf("%-22s p99 %.1f ms (goal < %.0f ms: %s), p99 / baseline p99 = %.2f (goal <= 3: %s), "
                    + "p50 / baseline p50 = %.2f%n", names[q], p99, goals[q], p99 < goals[q] ? "met" : "MISSED",
                    ratio, ratio <= 3 ? "met" : "MISSED",
                    service.percentileMillis(0.5) / raw.percentileMillis(0.5));
        }
        System.out.printf("profile: lambda-core ViewMerger + metric results alone, over the same cells in this JVM: "
                + "%.1f / %.1f / %.1f ms CPU per answer of (a) / (b) / (c), of the query service's %.1f / %.1f / %.1f"
                + " ms%n", mergeMillis[0], mergeMillis[1], mergeMillis[2],
                results.get(0).cpuMillisPerCall().service(), results.get(2).cpuMillisPerCall().service(),
                results.get(4).cpuMillisPerCall().service());
        System.out.flush();
    }

    /** The query service's JVM: the child process started from the query-service jar. */
    private static ProcessHandle serviceProcess(ServiceProcess query) {
        String jar = "query-service";
        return ProcessHandle.current().children().filter(p -> p.isAlive()
                && p.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no child process runs " + query.name()));
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static Duration scaled(Duration duration, double scale) {
        return Duration.ofMillis(Math.max(100, Math.round(duration.toMillis() * scale)));
    }

    private static Map<Integer, Long> endOffsets(LambdaStack stack, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < QueryServingLoad.PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new HashMap<>();
        stack.admin().listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }
}
