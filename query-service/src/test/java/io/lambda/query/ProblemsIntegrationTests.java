package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refused query as an RFC 9457 problem with its status, stable type and a detail naming the fault. */
class ProblemsIntegrationTests extends AbstractQueryIntegrationTests {

    static final String FROM = "2026-11-24T10:00:00Z";
    static final String TO = "2026-11-24T12:00:00Z";

    @Test
    void shouldRefuseAnUnknownViewWith404NamingIt() {
        for (String endpoint : List.of("series", "groups")) {
            JsonNode problem = problem(404, "unknown-view", "/api/v1/views/nope/" + endpoint + "?from=" + FROM
                    + "&to=" + TO);
            assertThat(problem.get("detail").asString()).contains("'nope'");
            assertThat(names(problem.get("valid"))).contains("shop", "flips");
        }
    }

    @Test
    void shouldRefuseUnknownMetricsDimensionsAndGranularitiesListingTheValidOnes() {
        JsonNode metric = problem(400, "unknown-metric", series("metrics=orders,nope"));
        assertThat(metric.get("detail").asString()).contains("'nope'");
        assertThat(metric.get("parameter").asString()).isEqualTo("metrics");
        assertThat(names(metric.get("valid"))).containsExactly("orders", "revenue", "cheapest", "dearest",
                "avg_price", "buyers", "p_price", "top_items");
        JsonNode groupsMetric = problem(400, "unknown-metric", groups("metric=nope"));
        assertThat(groupsMetric.get("parameter").asString()).isEqualTo("metric");

        JsonNode dimension = problem(400, "unknown-dimension", series("dim.colour=red"));
        assertThat(dimension.get("detail").asString()).contains("'colour'");
        assertThat(names(dimension.get("valid"))).containsExactly("item", "country");
        JsonNode by = problem(400, "unknown-dimension", groups("by=colour"));
        assertThat(by.get("parameter").asString()).isEqualTo("by");

        JsonNode granularity = problem(400, "unknown-granularity", series("granularity=day"));
        assertThat(granularity.get("detail").asString()).contains("'day'");
        assertThat(names(granularity.get("valid"))).containsExactly("minute", "hour");
        problem(400, "unknown-granularity", series("granularity=week"));
    }

    @Test
    void shouldRefuseInvalidParameters() {
        assertInvalid("/api/v1/views/shop/series?to=" + TO, "from");
        assertInvalid("/api/v1/views/shop/series?from=" + FROM, "to");
        assertInvalid("/api/v1/views/shop/series?from=yesterday&to=" + TO, "from");
        assertInvalid("/api/v1/views/shop/series?from=" + FROM + "&to=2026-13-01T00:00:00Z", "to");
        assertInvalid("/api/v1/views/shop/series?from=" + TO + "&to=" + FROM, "from");
        assertInvalid("/api/v1/views/shop/series?from=" + FROM + "&to=" + FROM, "from");
        assertInvalid(series("q=1.5"), "q");
        assertInvalid(series("q=-0.1"), "q");
        assertInvalid(series("q=abc"), "q");
        assertInvalid(series("layer=fast"), "layer");
        assertInvalid(groups("limit=0"), "limit");
        assertInvalid(groups("limit=1001"), "limit");
        assertInvalid(groups("limit=ten"), "limit");
        assertInvalid(series("dim.item=a&dim.item=b"), "dim.item");
    }

    @Test
    void shouldAcceptTheBoundsOfEveryRange() {
        assertThat(http.get(series("q=0")).status()).isEqualTo(200);
        assertThat(http.get(series("q=1")).status()).isEqualTo(200);
        assertThat(http.get(groups("limit=1")).status()).isEqualTo(200);
        assertThat(http.get(groups("limit=1000")).status()).isEqualTo(200);
        Instant from = Instant.parse(FROM);
        String tenThousand = "/api/v1/views/shop/series?from=" + from.toEpochMilli() + "&to="
                + from.plus(Duration.ofMinutes(10_000)).toEpochMilli();
        QueryHttp.Answer answer = http.get(tenThousand);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("points").size()).isEqualTo(10_000);
        assertThat(http.get("/api/v1/views/shop/series?from=2026-11-24T11:00:00%2B01:00&to=" + TO).body()
                .get("points").get(0).get("t").asString()).isEqualTo(FROM);
    }

    @Test
    void shouldRefuseMoreThanTenThousandBuckets() {
        Instant from = Instant.parse(FROM);
        JsonNode problem = problem(400, "too-many-buckets", "/api/v1/views/shop/series?from=" + FROM + "&to="
                + from.plus(Duration.ofMinutes(10_001)));
        assertThat(problem.get("detail").asString()).contains("10001");
        problem(400, "too-many-buckets", "/api/v1/views/shop/groups?from=" + FROM + "&to="
                + from.plus(Duration.ofDays(30)).plusSeconds(60));
    }

    private void assertInvalid(String pathAndQuery, String parameter) {
        JsonNode problem = problem(400, "invalid-parameter", pathAndQuery);
        assertThat(problem.get("parameter").asString()).as(pathAndQuery).isEqualTo(parameter);
    }

    private JsonNode problem(int status, String type, String pathAndQuery) {
        QueryHttp.Answer answer = http.get(pathAndQuery);
        assertThat(answer.status()).as(pathAndQuery + " " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(pathAndQuery).startsWith("application/problem+json");
        JsonNode body = answer.body();
        assertThat(body.get("type").asString()).as(pathAndQuery).isEqualTo("urn:problem:lambda:" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        return body;
    }

    private static String series(String extra) {
        return "/api/v1/views/shop/series?from=" + FROM + "&to=" + TO + "&" + extra;
    }

    private static String groups(String extra) {
        return "/api/v1/views/shop/groups?from=" + FROM + "&to=" + TO + "&" + extra;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }

    static final Map<String, String> NONE = Map.of();
}
