package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import io.lambda.core.event.Event;
import io.lambda.core.serving.Chunks;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Random events split at a batch boundary between a batch run's rows and every partition's speed partials (which
 * hold all events, as before cleanup): every series and groups answer equals the aggregate computed directly from
 * the events, for every layer, with and without filters.
 */
class MergeIntegrationTests extends AbstractQueryIntegrationTests {

    static final ViewDefinition SHOP = view("shop");
    static final List<String> ITEMS = List.of("apple", "pear", "plum", "fig", "a|b", "kiwi");
    static final List<String> COUNTRIES = List.of("DE", "FR", "US", "");
    static final Instant BASE = Chunks.slotChunkStart(Instant.now()).minus(Duration.ofHours(3));
    static final Instant BOUNDARY = BASE.plus(Duration.ofMinutes(75));
    static final Instant FROM = BASE.minus(Duration.ofMinutes(15));
    static final Instant TO = BASE.plus(Duration.ofMinutes(170));
    static final List<TestEvent> EVENTS = new ArrayList<>();

    @BeforeAll
    static void writeLayers() {
        Random random = new Random(42);
        for (int i = 0; i < 700; i++) {
            Instant ingest = BASE.plusSeconds(random.nextInt(150 * 60)).plusMillis(random.nextInt(1000));
            Instant time = ingest.minusSeconds(random.nextInt(600));
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("item", ITEMS.get(random.nextInt(ITEMS.size())));
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            if (!country.isEmpty()) {
                attributes.put("country", country);
            }
            if (random.nextInt(20) != 0) {
                attributes.put("price", (long) (1 + random.nextInt(1000)));
            }
            attributes.put("user", "u" + random.nextInt(150));
            EVENTS.add(new TestEvent(Event.of("o-" + i, "order", time, attributes), random.nextInt(PARTITIONS),
                    ingest));
        }
        WRITER.writeRun(SHOP, "run-1", BOUNDARY, EVENTS);
        assertThat(WRITER.publish(SHOP, "run-1", BOUNDARY).published()).isTrue();
        WRITER.writeSpeed(SHOP, EVENTS, endOffsets());
    }

    enum LayerCase {
        MERGED("merged", e -> true), BATCH("batch", e -> e.ingestTime().isBefore(BOUNDARY)),
        SPEED("speed", e -> !e.ingestTime().isBefore(BOUNDARY));

        final String id;
        final Predicate<TestEvent> counts;

        LayerCase(String id, Predicate<TestEvent> counts) {
            this.id = id;
            this.counts = counts;
        }
    }

    static final List<Map<String, String>> FILTERS = List.of(Map.of(), Map.of("item", "apple"),
            Map.of("item", "a|b", "country", "DE"), Map.of("country", ""), Map.of("country", "FR"));

    @Test
    void shouldAnswerEverySeriesBucketExactlyForEveryLayerAndFilter() {
        for (LayerCase layer : LayerCase.values()) {
            for (Map<String, String> filters : FILTERS) {
                for (double q : new double[] {0.5, 0.9}) {
                    checkSeries(layer, filters, Granularity.MINUTE, FROM, TO, q);
                }
            }
        }
        checkSeries(LayerCase.MERGED, Map.of("item", "plum"), Granularity.HOUR, BASE.minus(Duration.ofHours(1)),
                BASE.plus(Duration.ofHours(3)), 0.5);
    }

    @Test
    void shouldAnswerGroupsExactlyForEveryLayerAndFilter() {
        for (LayerCase layer : LayerCase.values()) {
            checkGroups(layer, "item", "orders", Map.of(), FROM, TO);
            checkGroups(layer, "country", "revenue", Map.of("item", "apple"), FROM, TO);
            checkGroups(layer, "item", "dearest", Map.of("country", "US"), BASE.minus(Duration.ofHours(1)),
                    BASE.plus(Duration.ofHours(3)));
        }
    }

    @Test
    void shouldLimitGroupsToTheLargest() {
        JsonNode all = http.get("/api/v1/views/shop/groups", params("from", FROM, "to", TO, "by", "item",
                "metric", "revenue", "limit", "1000")).body();
        JsonNode two = http.get("/api/v1/views/shop/groups", params("from", FROM, "to", TO, "by", "item",
                "metric", "revenue", "limit", "2")).body();
        assertThat(two.get("groups").size()).isEqualTo(2);
        assertThat(two.get("groups").get(0)).isEqualTo(all.get("groups").get(0));
        assertThat(two.get("groups").get(1)).isEqualTo(all.get("groups").get(1));
    }

    @Test
    void shouldAnswerOnlyTheRequestedMetricsAndTheEnvelope() {
        QueryHttp.Answer answer = http.get("/api/v1/views/shop/series", params("from", FROM.toEpochMilli(), "to",
                TO.toString(), "metrics", "orders,dearest"));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("view").asString()).isEqualTo("shop");
        assertThat(body.get("version").asString()).isEqualTo(SHOP.version());
        assertThat(body.get("granularity").asString()).isEqualTo("minute");
        assertThat(body.get("layer").asString()).isEqualTo("merged");
        assertThat(body.get("boundary").asString()).isEqualTo(BOUNDARY.toString());
        JsonNode completeness = body.get("completeness");
        assertThat(completeness.get("boundary").asString()).isEqualTo(BOUNDARY.toString());
        assertThat(completeness.get("speedLag").asLong()).isZero();
        assertThat(completeness.get("complete").asBoolean()).isTrue();
        assertThat(completeness.get("pendingVersion").isNull()).isTrue();
        JsonNode point = body.get("points").get(0);
        assertThat(point.get("t").asString()).isEqualTo(FROM.toString());
        List<String> names = new ArrayList<>();
        point.get("metrics").propertyNames().forEach(names::add);
        assertThat(names).containsExactly("orders", "dearest");
    }

    @Test
    void shouldListTheServedVersionWithItsBatchPointer() {
        JsonNode views = http.get("/api/v1/views").body();
        JsonNode shop = null;
        for (JsonNode view : views) {
            if (view.get("name").asString().equals("shop")) {
                shop = view;
            }
        }
        assertThat(shop).isNotNull();
        assertThat(shop.get("version").asString()).isEqualTo(SHOP.version());
        assertThat(shop.get("eventType").asString()).isEqualTo("order");
        assertThat(shop.get("dimensions").toString()).isEqualTo("[\"item\",\"country\"]");
        assertThat(shop.get("granularities").toString()).isEqualTo("[\"minute\",\"hour\"]");
        assertThat(shop.get("metrics").get(0).toString()).isEqualTo("{\"name\":\"orders\",\"kind\":\"count\"}");
        assertThat(shop.get("metrics").get(5).toString())
                .isEqualTo("{\"name\":\"buyers\",\"kind\":\"distinct\",\"field\":\"user\"}");
        assertThat(shop.get("batch").get("runId").asString()).isEqualTo("run-1");
        assertThat(shop.get("batch").get("boundary").asString()).isEqualTo(BOUNDARY.toString());
        assertThat(shop.get("batch").get("publishedAt").asString()).isNotBlank();
    }

    private void checkSeries(LayerCase layer, Map<String, String> filters, Granularity granularity, Instant from,
            Instant to, double q) {
        Map<String, String> parameters = params("from", from, "to", to, "layer", layer.id, "granularity",
                granularity.id(), "q", q);
        filters.forEach((d, v) -> parameters.put("dim." + d, v));
        String context = layer.id + " " + filters + " " + granularity.id() + " q=" + q;
        QueryHttp.Answer answer = http.get("/api/v1/views/shop/series", parameters);
        assertThat(answer.status()).as(context + " " + answer.body()).isEqualTo(200);
        JsonNode points = answer.body().get("points");
        List<Instant> buckets = granularity.bucketStarts(from, to);
        assertThat(points.size()).as(context).isEqualTo(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            Instant bucket = buckets.get(i);
            JsonNode point = points.get(i);
            assertThat(point.get("t").asString()).isEqualTo(bucket.toString());
            List<TestEvent> matching = EVENTS.stream().filter(layer.counts)
                    .filter(e -> granularity.bucketStart(e.event().timestamp()).equals(bucket))
                    .filter(e -> matches(e, filters)).toList();
            Expected.assertMetrics(SHOP, matching.stream().map(TestEvent::event).toList(), point.get("metrics"), q,
                    context + " " + bucket);
            assertThat(point.get("source").asString()).as(context + " source " + bucket).isEqualTo(source(matching));
        }
    }

    private void checkGroups(LayerCase layer, String by, String metric, Map<String, String> filters, Instant from,
            Instant to) {
        Map<String, String> parameters = params("from", from, "to", to, "layer", layer.id, "by", by, "metric", metric,
                "limit", "1000");
        filters.forEach((d, v) -> parameters.put("dim." + d, v));
        String context = "groups " + layer.id + " by " + by + " " + filters;
        QueryHttp.Answer answer = http.get("/api/v1/views/shop/groups", parameters);
        assertThat(answer.status()).as(context + " " + answer.body()).isEqualTo(200);
        Map<String, List<TestEvent>> expected = new LinkedHashMap<>();
        EVENTS.stream().filter(layer.counts).filter(e -> matches(e, filters))
                .filter(e -> inRange(e.event().timestamp(), from, to))
                .forEach(e -> expected.computeIfAbsent(value(e, by), k -> new ArrayList<>()).add(e));
        JsonNode groups = answer.body().get("groups");
        assertThat(answer.body().get("by").asString()).isEqualTo(by);
        assertThat(answer.body().get("metric").asString()).isEqualTo(metric);
        assertThat(groups.size()).as(context).isEqualTo(expected.size());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode group : groups) {
            String key = group.get("key").asString();
            assertThat(expected).as(context).containsKey(key);
            Expected.assertMetrics(SHOP, expected.get(key).stream().map(TestEvent::event).toList(),
                    group.get("metrics"), 0.5, context + " " + key);
            JsonNode value = group.get("metrics").get(metric);
            double order = value.isNull() ? Double.NEGATIVE_INFINITY : value.asDouble();
            assertThat(order).as(context + " largest first").isLessThanOrEqualTo(previous);
            previous = order;
        }
    }

    /** Event-time buckets of the finest granularity overlapping the range (the answer widens to whole buckets). */
    private static boolean inRange(Instant time, Instant from, Instant to) {
        Instant first = Granularity.MINUTE.bucketStart(from);
        return !time.isBefore(first) && time.isBefore(to);
    }

    private static String source(List<TestEvent> events) {
        boolean batch = events.stream().anyMatch(e -> e.ingestTime().isBefore(BOUNDARY));
        boolean speed = events.stream().anyMatch(e -> !e.ingestTime().isBefore(BOUNDARY));
        return batch ? (speed ? "batch+speed" : "batch") : (speed ? "speed" : "none");
    }

    private static boolean matches(TestEvent event, Map<String, String> filters) {
        return filters.entrySet().stream().allMatch(f -> value(event, f.getKey()).equals(f.getValue()));
    }

    private static String value(TestEvent event, String dimension) {
        Object value = event.event().attributes().get(dimension);
        return value == null ? "" : String.valueOf(value);
    }

    static Map<String, String> params(Object... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return parameters;
    }
}
