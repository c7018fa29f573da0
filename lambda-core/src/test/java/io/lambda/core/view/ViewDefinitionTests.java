package io.lambda.core.view;

import static io.lambda.core.time.Granularity.DAY;
import static io.lambda.core.time.Granularity.HOUR;
import static io.lambda.core.time.Granularity.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lambda.core.event.Event;
import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;
import org.junit.jupiter.api.Test;

class ViewDefinitionTests {

    private static final MetricSpec VIEWS = new MetricSpec("views", MetricKind.COUNT, null);
    private static final MetricSpec VISITORS = new MetricSpec("visitors", MetricKind.DISTINCT, "userId");
    private static final Instant T = Instant.parse("2026-11-24T10:15:30Z");

    private static ViewDefinition view(Map<String, String> where, List<String> dimensions,
            List<Granularity> granularities, List<MetricSpec> metrics) {
        return ViewDefinition.of("pageviews", "Pageviews per URL", "pageview", where, dimensions, granularities, metrics);
    }

    private static ViewDefinition pageviews() {
        return view(Map.of(), List.of("url"), List.of(MINUTE, HOUR, DAY), List.of(VIEWS, VISITORS));
    }

    @Test
    void shouldWriteACanonicalFormWithAFixedShape() {
        ViewDefinition view = view(Map.of("premium", "true", "currency", "EUR"), List.of("url", "country"),
                List.of(DAY, MINUTE), List.of(VIEWS, VISITORS));

        assertThat(view.canonicalForm()).isEqualTo("{\"name\":\"pageviews\",\"eventType\":\"pageview\","
                + "\"where\":{\"currency\":\"EUR\",\"premium\":\"true\"},\"dimensions\":[\"url\",\"country\"],"
                + "\"granularities\":[\"minute\",\"day\"],\"metrics\":[{\"name\":\"views\",\"kind\":\"count\"},"
                + "{\"name\":\"visitors\",\"kind\":\"distinct\",\"field\":\"userId\"}]}");
    }

    @Test
    void shouldKeepTheVersionStableAcrossReleases() {
        // pinned: if this changes, every deployed view gets a new version and is recomputed
        ViewDefinition view = ViewDefinition.of("premium-payments", "", "payment",
                Map.of("premium", "true", "currency", "EUR"), List.of("country", "plan"), List.of(HOUR, DAY),
                List.of(new MetricSpec("payments", MetricKind.COUNT, null), new MetricSpec("revenue", MetricKind.SUM, "amount"),
                        new MetricSpec("average", MetricKind.AVG, "amount"), new MetricSpec("smallest", MetricKind.MIN, "amount")));

        assertThat(view.version()).isEqualTo("3596cd3e7575"); // fold semantics 1
    }

    @Test
    void shouldKeepTheVersionWhenOnlyDescriptionOrNonSemanticOrderChanges() {
        ViewDefinition original = view(new LinkedHashMap<>(Map.of("a", "1")), List.of("url"), List.of(MINUTE, DAY),
                List.of(VIEWS));
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("b", "2");
        reordered.put("a", "1");
        Map<String, String> sorted = new LinkedHashMap<>();
        sorted.put("a", "1");
        sorted.put("b", "2");

        assertThat(ViewDefinition.of("pageviews", "another description", "pageview", Map.of("a", "1"), List.of("url"),
                List.of(MINUTE, DAY), List.of(VIEWS)).version()).isEqualTo(original.version());
        assertThat(view(Map.of("a", "1"), List.of("url"), List.of(DAY, MINUTE, DAY), List.of(VIEWS)).version())
                .isEqualTo(original.version());
        assertThat(view(reordered, List.of("url"), List.of(MINUTE), List.of(VIEWS)).version())
                .isEqualTo(view(sorted, List.of("url"), List.of(MINUTE), List.of(VIEWS)).version());
    }

    @Test
    void shouldChangeTheVersionWhenAnythingSemanticChanges() {
        ViewDefinition base = pageviews();

        assertThat(List.of(
                ViewDefinition.of("pageviews2", "", "pageview", Map.of(), List.of("url"), List.of(MINUTE, HOUR, DAY),
                        List.of(VIEWS, VISITORS)),
                ViewDefinition.of("pageviews", "", "click", Map.of(), List.of("url"), List.of(MINUTE, HOUR, DAY),
                        List.of(VIEWS, VISITORS)),
                view(Map.of("country", "DE"), List.of("url"), List.of(MINUTE, HOUR, DAY), List.of(VIEWS, VISITORS)),
                view(Map.of(), List.of("url", "country"), List.of(MINUTE, HOUR, DAY), List.of(VIEWS, VISITORS)),
                view(Map.of(), List.of("url"), List.of(MINUTE, HOUR), List.of(VIEWS, VISITORS)),
                view(Map.of(), List.of("url"), List.of(MINUTE, HOUR, DAY), List.of(VIEWS)),
                view(Map.of(), List.of("url"), List.of(MINUTE, HOUR, DAY),
                        List.of(VIEWS, new MetricSpec("visitors", MetricKind.DISTINCT, "sessionId"))),
                view(Map.of(), List.of("url"), List.of(MINUTE, HOUR, DAY),
                        List.of(VIEWS, new MetricSpec("visitors", MetricKind.TOP, "userId"))),
                view(Map.of(), List.of("url"), List.of(MINUTE, HOUR, DAY), List.of(VISITORS, VIEWS))))
                .extracting(ViewDefinition::version)
                .doesNotContain(base.version())
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldChangeTheVersionWhenDimensionOrderChanges() {
        assertThat(view(Map.of(), List.of("url", "country"), List.of(MINUTE), List.of(VIEWS)).version())
                .isNotEqualTo(view(Map.of(), List.of("country", "url"), List.of(MINUTE), List.of(VIEWS)).version());
    }

    @Test
    void shouldEscapeStringsInTheCanonicalFormSoDifferentValuesNeverCollide() {
        ViewDefinition quoted = view(Map.of("a", "x\",\"b\":\"y"), List.of(), List.of(MINUTE), List.of(VIEWS));
        ViewDefinition split = view(Map.of("a", "x", "b", "y"), List.of(), List.of(MINUTE), List.of(VIEWS));

        assertThat(quoted.canonicalForm()).contains("\"where\":{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}");
        assertThat(quoted.version()).isNotEqualTo(split.version());
        assertThat(view(Map.of("a", "line\nbreak"), List.of(), List.of(MINUTE), List.of(VIEWS)).canonicalForm())
                .contains("\"line\\u000abreak\"");
    }

    @Test
    void shouldNormaliseGranularitiesToDistinctFinestFirst() {
        assertThat(view(Map.of(), List.of(), List.of(DAY, MINUTE, DAY, HOUR), List.of(VIEWS)).granularities())
                .containsExactly(MINUTE, HOUR, DAY);
        assertThat(view(Map.of(), List.of(), List.of(DAY, HOUR), List.of(VIEWS)).finestGranularity()).isEqualTo(HOUR);
    }

    @Test
    void shouldRejectAVersionThatDoesNotMatchTheDefinition() {
        ViewDefinition view = pageviews();

        assertThatExceptionOfType(ViewDefinitionException.class)
                .isThrownBy(() -> new ViewDefinition(view.name(), view.description(), view.eventType(), view.where(),
                        view.dimensions(), view.granularities(), view.metrics(), "000000000000"))
                .satisfies(e -> assertThat(e.errors()).containsExactly("view 'pageviews': version '000000000000' "
                        + "does not match the definition (expected '" + view.version() + "')"));
    }

    @Test
    void shouldReportEveryBrokenRuleAtOnceWhenConstructedInCode() {
        assertThatExceptionOfType(ViewDefinitionException.class)
                .isThrownBy(() -> ViewDefinition.of("Page", "", "page view", Map.of("bad key", "x"),
                        List.of("a", "b", "c", "d", "a"), List.of(), List.of(new MetricSpec("total", MetricKind.SUM, "bad field"))))
                .satisfies(e -> assertThat(e.errors()).containsExactly(
                        "view 'Page': name must match [a-z][a-z0-9_-]{0,63}",
                        "view 'Page': event-type 'page view' must match [a-z][a-z0-9_.-]{0,63}",
                        "view 'Page': where key 'bad key' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}",
                        "view 'Page': dimensions has 5 entries, at most 4 allowed",
                        "view 'Page': dimension 'a' is listed twice",
                        "view 'Page': granularities must not be empty",
                        "view 'Page': metric 'total' field 'bad field' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}"));
    }

    @Test
    void shouldMatchEventsOfItsTypeThatPassEveryWhereFilter() {
        ViewDefinition view = view(Map.of("premium", "true", "status", "200", "country", "DE"), List.of(),
                List.of(MINUTE), List.of(VIEWS));

        assertThat(view.matches(Event.of("1", "pageview", T, Map.of("premium", true, "status", 200L, "country", "DE"))))
                .isTrue();
        assertThat(view.matches(Event.of("2", "click", T, Map.of("premium", true, "status", 200L, "country", "DE"))))
                .isFalse();
        assertThat(view.matches(Event.of("3", "pageview", T, Map.of("premium", false, "status", 200L, "country", "DE"))))
                .isFalse();
        assertThat(view.matches(Event.of("4", "pageview", T, Map.of("status", 200L, "country", "DE")))).isFalse();
        assertThat(view.matches(Event.of("5", "pageview", T, Map.of("premium", "true", "status", "200", "country", "DE"))))
                .isTrue();
    }

    @Test
    void shouldMatchEveryEventOfItsTypeWithoutWhereFilters() {
        assertThat(pageviews().matches(Event.of("1", "pageview", T, Map.of()))).isTrue();
    }

    @Test
    void shouldExtractDimensionValuesInOrderWithAMarkerForMissingAttributes() {
        ViewDefinition view = view(Map.of(), List.of("url", "status", "ratio", "country"), List.of(MINUTE), List.of(VIEWS));

        assertThat(view.dimensionValues(Event.of("1", "pageview", T, Map.of("url", "/a|b", "status", 404L, "ratio", 0.5))))
                .containsExactly("/a|b", "404", "0.5", ViewDefinition.MISSING_VALUE);
        assertThat(ViewDefinition.MISSING_VALUE).isEmpty();
        assertThat(view(Map.of(), List.of(), List.of(MINUTE), List.of(VIEWS))
                .dimensionValues(Event.of("1", "pageview", T, Map.of("url", "/")))).isEmpty();
    }

    @Test
    void shouldFindMetricsByName() {
        assertThat(pageviews().metric("visitors")).contains(VISITORS);
        assertThat(pageviews().metric("nope")).isEmpty();
    }

    @Test
    void shouldHandOutImmutableCollections() {
        ViewDefinition view = pageviews();

        assertThat(view.dimensions()).isUnmodifiable();
        assertThat(view.metrics()).isUnmodifiable();
        assertThat(view.granularities()).isUnmodifiable();
        assertThat(view.where()).isUnmodifiable();
    }
}
