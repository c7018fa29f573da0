package io.lambda.core.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewCatalogLoaderTests {

    private static final String VALID_VIEW = """
              - name: pageviews
                event-type: pageview
                dimensions: [url]
                granularities: [minute, hour]
                metrics:
                  views: count
            """;

    @Test
    void shouldLoadTheSampleViewsFromTheClasspath() {
        ViewCatalog catalog = ViewCatalogLoader.load(new ViewsProperties("classpath:views.yml"));

        assertThat(catalog.names()).containsExactly("pageviews", "premium-payments", "signups");
        ViewDefinition pageviews = catalog.get("pageviews");
        assertThat(pageviews.description()).isEqualTo("Pageviews and unique visitors per URL");
        assertThat(pageviews.eventType()).isEqualTo("pageview");
        assertThat(pageviews.where()).isEmpty();
        assertThat(pageviews.dimensions()).containsExactly("url");
        assertThat(pageviews.granularities()).containsExactly(Granularity.MINUTE, Granularity.HOUR, Granularity.DAY);
        assertThat(pageviews.metrics()).containsExactly(
                new MetricSpec("views", MetricKind.COUNT, null),
                new MetricSpec("visitors", MetricKind.DISTINCT, "userId"),
                new MetricSpec("time_on_page", MetricKind.SUM, "durationMs"),
                new MetricSpec("slowest", MetricKind.MAX, "durationMs"),
                new MetricSpec("p95_time", MetricKind.QUANTILES, "durationMs"),
                new MetricSpec("top_countries", MetricKind.TOP, "country"));
        assertThat(pageviews.version()).isEqualTo("83c4cc29620b");
    }

    @Test
    void shouldReadWhereFiltersAsTextAndOrderGranularitiesFinestFirst() {
        ViewDefinition payments = ViewCatalogLoader.load("classpath:/views.yml").get("premium-payments");

        assertThat(payments.where()).isEqualTo(Map.of("premium", "true", "currency", "EUR"));
        assertThat(payments.granularities()).containsExactly(Granularity.HOUR, Granularity.DAY);
        assertThat(payments.dimensions()).containsExactly("country", "plan");
    }

    @Test
    void shouldDefaultOptionalFields() {
        ViewDefinition signups = ViewCatalogLoader.load("classpath:views.yml").get("signups");

        assertThat(signups.description()).isEmpty();
        assertThat(signups.where()).isEmpty();
        assertThat(signups.dimensions()).isEmpty();
    }

    @Test
    void shouldKeepScalarTextAsWrittenInWhereFilters() {
        ViewDefinition view = parse("""
                views:
                  - name: nordic
                    event-type: pageview
                    where: {country: NO, status: 200, ratio: 1.50}
                    granularities: [day]
                    metrics: {views: count}
                """).get("nordic");

        assertThat(view.where()).isEqualTo(Map.of("country", "NO", "status", "200", "ratio", "1.50"));
    }

    @Test
    void shouldLoadFromAFilePathAndAFileUri(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("views.yml"), "views:\n" + VALID_VIEW);

        assertThat(ViewCatalogLoader.load(file.toString()).names()).containsExactly("pageviews");
        assertThat(ViewCatalogLoader.load(file.toUri().toString()).names()).containsExactly("pageviews");
        assertThat(ViewCatalogLoader.load("file:" + file).names()).containsExactly("pageviews");
    }

    @Test
    void shouldReportAMissingLocation(@TempDir Path dir) {
        assertThat(errorsLoading("classpath:nope.yml")).containsExactly("views location 'classpath:nope.yml' not found");
        String missing = dir.resolve("nope.yml").toString();
        assertThat(errorsLoading(missing)).containsExactly("views location '" + missing + "' not found");
    }

    @Test
    void shouldAcceptAnEmptyViewsList() {
        assertThat(parse("views: []").views()).isEmpty();
    }

    @Test
    void shouldRejectABadTopLevel() {
        assertThat(errors("")).containsExactly("missing top-level field 'views'");
        assertThat(errors("- a")).containsExactly("the document must be a map with a top-level field 'views'");
        assertThat(errors("view: []")).containsExactly("unknown top-level field 'view'", "missing top-level field 'views'");
        assertThat(errors("views: {a: 1}")).containsExactly("views must be a list");
        assertThat(errors("views: []\nviews: []")).containsExactly("top-level field 'views' is given twice");
    }

    @Test
    void shouldReportInvalidYamlWithItsPosition() {
        assertThat(errors("views: [a\n  b: c")).singleElement().asString()
                .startsWith("not valid YAML at line 2, column ");
    }

    @Test
    void shouldRejectUnknownAndRepeatedFields() {
        assertThat(errors(view("dimension: [url]", "granularities: [minute]", "metrics: {views: count}",
                "event-type: click")))
                .containsExactly("view 'pageviews': unknown field 'dimension'",
                        "view 'pageviews': field 'event-type' is given twice");
    }

    @Test
    void shouldRequireNameEventTypeGranularitiesAndMetrics() {
        assertThat(errors("views:\n  - description: nothing else\n")).containsExactly(
                "views[0]: missing required field 'name'",
                "views[0]: missing required field 'event-type'",
                "views[0]: missing required field 'granularities'",
                "views[0]: missing required field 'metrics'");
    }

    @Test
    void shouldRejectBadNamesAndEventTypes() {
        assertThat(errors("views:\n  - name: Page Views\n    event-type: Page\n    granularities: [day]\n"
                + "    metrics: {views: count}\n")).containsExactly(
                "view 'Page Views': name must match [a-z][a-z0-9_-]{0,63}",
                "view 'Page Views': event-type 'Page' must match [a-z][a-z0-9_.-]{0,63}");
        assertThat(errors("views:\n  - name: [a]\n    event-type: [b]\n    granularities: [day]\n"
                + "    metrics: {views: count}\n")).containsExactly(
                "views[0]: name must be a string",
                "views[0]: event-type must be a string");
        assertThat(errors("views:\n  - name: " + "v".repeat(65) + "\n    event-type: e\n    granularities: [day]\n"
                + "    metrics: {views: count}\n")).containsExactly(
                "view '" + "v".repeat(65) + "': name must match [a-z][a-z0-9_-]{0,63}");
    }

    @Test
    void shouldRejectADuplicateViewName() {
        assertThat(errors("views:\n" + VALID_VIEW + VALID_VIEW + VALID_VIEW))
                .containsExactly("duplicate view name 'pageviews'");
    }

    @Test
    void shouldLimitDimensionsToFour() {
        assertThat(errors(view("dimensions: [a, b, c, d, e]", "granularities: [day]", "metrics: {views: count}")))
                .containsExactly("view 'pageviews': dimensions has 5 entries, at most 4 allowed");
    }

    @Test
    void shouldRejectBadAndRepeatedDimensions() {
        assertThat(errors(view("dimensions: [url, bad key, url, [x], 9lives]", "granularities: [day]",
                "metrics: {views: count}"))).containsExactly(
                "view 'pageviews': dimensions[3] must be a string",
                "view 'pageviews': dimension 'bad key' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}",
                "view 'pageviews': dimension 'url' is listed twice",
                "view 'pageviews': dimension '9lives' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}");
        assertThat(errors(view("dimensions: url", "granularities: [day]", "metrics: {views: count}")))
                .containsExactly("view 'pageviews': dimensions must be a list");
    }

    @Test
    void shouldRejectBadWhereFilters() {
        assertThat(errors(view("where: {bad key: x, country: [DE], plan: , tier: a, tier: b}", "granularities: [day]",
                "metrics: {views: count}"))).containsExactly(
                "view 'pageviews': where 'country' must be a string, number or boolean",
                "view 'pageviews': where 'plan' must be a string, number or boolean",
                "view 'pageviews': where key 'tier' is given twice",
                "view 'pageviews': where key 'bad key' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}");
        assertThat(errors(view("where: [a]", "granularities: [day]", "metrics: {views: count}")))
                .containsExactly("view 'pageviews': where must be a map of attribute: value");
    }

    @Test
    void shouldRejectUnknownOrEmptyGranularities() {
        assertThat(errors(view("granularities: [minute, week]", "metrics: {views: count}")))
                .containsExactly("view 'pageviews': granularity 'week' is not one of minute, hour, day");
        assertThat(errors(view("granularities: []", "metrics: {views: count}")))
                .containsExactly("view 'pageviews': granularities must not be empty");
        assertThat(errors(view("granularities: day", "metrics: {views: count}")))
                .containsExactly("view 'pageviews': granularities must be a list");
    }

    @Test
    void shouldRejectAnUnknownMetricKind() {
        assertThat(errors(view("granularities: [day]", "metrics: {views: count, visitors: distinkt(userId)}")))
                .containsExactly("view 'pageviews': metric 'visitors' has unknown kind 'distinkt'");
        assertThat(errors(view("granularities: [day]", "metrics: {views: Count}")))
                .containsExactly("view 'pageviews': metric 'views' has unknown kind 'Count'");
    }

    @Test
    void shouldRejectMalformedMetricSpecs() {
        assertThat(errors(view("granularities: [day]", "metrics: {a: 'sum(x', b: 'sum(x))', c: '(x)', d: [count]}")))
                .containsExactly(
                        "view 'pageviews': metric 'a' has invalid spec 'sum(x' (expected kind or kind(field))",
                        "view 'pageviews': metric 'b' has invalid spec 'sum(x))' (expected kind or kind(field))",
                        "view 'pageviews': metric 'c' has invalid spec '(x)' (expected kind or kind(field))",
                        "view 'pageviews': metric 'd' must be a string like count or sum(field)");
    }

    @Test
    void shouldRequireAFieldForEveryKindButCount() {
        assertThat(errors(view("granularities: [day]", "metrics: {total: sum, top: top(), views: count(userId)}")))
                .containsExactly(
                        "view 'pageviews': metric 'total' of kind sum needs a field: sum(<attribute>)",
                        "view 'pageviews': metric 'top' of kind top needs a field: top(<attribute>)",
                        "view 'pageviews': metric 'views' of kind count takes no field, got count(userId)");
    }

    @Test
    void shouldAcceptSpacesAroundTheField() {
        assertThat(parse(view("granularities: [day]", "metrics: {total: ' sum( amount ) '}")).get("pageviews").metrics())
                .containsExactly(new MetricSpec("total", MetricKind.SUM, "amount"));
    }

    @Test
    void shouldRejectBadMetricNamesFieldsAndDuplicates() {
        assertThat(errors(view("granularities: [day]",
                "metrics: {views: count, bad-name: count, total: sum(bad key), views: sum(x)}"))).containsExactly(
                "view 'pageviews': metric 'views' is defined twice",
                "view 'pageviews': metric name 'bad-name' must match [A-Za-z_][A-Za-z0-9_]{0,63}",
                "view 'pageviews': metric 'total' field 'bad key' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}");
    }

    @Test
    void shouldRejectEmptyMetrics() {
        assertThat(errors(view("granularities: [day]", "metrics: {}")))
                .containsExactly("view 'pageviews': metrics must not be empty");
        assertThat(errors(view("granularities: [day]", "metrics:")))
                .containsExactly("view 'pageviews': metrics must not be empty");
        assertThat(errors(view("granularities: [day]", "metrics: [count]")))
                .containsExactly("view 'pageviews': metrics must be a map of name: kind or name: kind(field)");
    }

    @Test
    void shouldCollectEveryErrorOfEveryViewInOneException() {
        String yaml = """
                views:
                  - name: pageviews
                    event-type: pageview
                    dimensions: [a, b, c, d, e]
                    granularities: [week]
                    metrics:
                      visitors: distinkt(userId)
                  - name: pageviews
                    event-type: pageview
                    granularities: [day]
                    metrics: {}
                  - just a string
                """;

        assertThatExceptionOfType(ViewDefinitionException.class).isThrownBy(() -> parse(yaml))
                .satisfies(e -> {
                    assertThat(e.errors()).containsExactly(
                            "view 'pageviews': granularity 'week' is not one of minute, hour, day",
                            "view 'pageviews': metric 'visitors' has unknown kind 'distinkt'",
                            "view 'pageviews': dimensions has 5 entries, at most 4 allowed",
                            "duplicate view name 'pageviews'",
                            "view 'pageviews': metrics must not be empty",
                            "views[2] must be a map");
                    assertThat(e.getMessage()).startsWith("invalid view definitions in test.yml (6 errors):\n"
                            + "  - view 'pageviews': granularity 'week' is not one of minute, hour, day\n");
                });
    }

    private static String view(String... lines) {
        StringBuilder yaml = new StringBuilder("views:\n  - name: pageviews\n    event-type: pageview\n");
        for (String line : lines) {
            yaml.append("    ").append(line).append('\n');
        }
        return yaml.toString();
    }

    private static ViewCatalog parse(String yaml) {
        return ViewCatalogLoader.parse(yaml, "test.yml");
    }

    private static List<String> errors(String yaml) {
        try {
            parse(yaml);
        } catch (ViewDefinitionException e) {
            return e.errors();
        }
        throw new AssertionError("expected invalid views:\n" + yaml);
    }

    private static List<String> errorsLoading(String location) {
        try {
            ViewCatalogLoader.load(location);
        } catch (ViewDefinitionException e) {
            return e.errors();
        }
        throw new AssertionError("expected " + location + " to fail");
    }
}
