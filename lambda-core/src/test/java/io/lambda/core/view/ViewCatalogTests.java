package io.lambda.core.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.lambda.core.event.Event;
import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;
import org.junit.jupiter.api.Test;

class ViewCatalogTests {

    private static final List<MetricSpec> COUNT = List.of(new MetricSpec("n", MetricKind.COUNT, null));
    private static final Instant T = Instant.parse("2026-11-24T10:15:30Z");

    private static ViewDefinition view(String name, String type, Map<String, String> where) {
        return ViewDefinition.of(name, "", type, where, List.of(), List.of(Granularity.DAY), COUNT);
    }

    @Test
    void shouldLookUpViewsByName() {
        ViewCatalog catalog = new ViewCatalog(List.of(view("a", "pageview", Map.of()), view("b", "click", Map.of())));

        assertThat(catalog.get("b").eventType()).isEqualTo("click");
        assertThat(catalog.find("c")).isEmpty();
        assertThat(catalog.names()).containsExactly("a", "b");
        assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> catalog.get("c"))
                .withMessage("unknown view 'c'");
    }

    @Test
    void shouldFindTheViewsThatCountAnEventInDeclarationOrder() {
        ViewDefinition all = view("all-pageviews", "pageview", Map.of());
        ViewDefinition german = view("german-pageviews", "pageview", Map.of("country", "DE"));
        ViewCatalog catalog = new ViewCatalog(List.of(all, view("clicks", "click", Map.of()), german));

        assertThat(catalog.matching(Event.of("1", "pageview", T, Map.of("country", "DE")))).containsExactly(all, german);
        assertThat(catalog.matching(Event.of("2", "pageview", T, Map.of("country", "FR")))).containsExactly(all);
        assertThat(catalog.matching(Event.of("3", "signup", T, Map.of()))).isEmpty();
    }

    @Test
    void shouldRejectDuplicateNames() {
        assertThatExceptionOfType(ViewDefinitionException.class)
                .isThrownBy(() -> new ViewCatalog(List.of(view("a", "x", Map.of()), view("a", "y", Map.of()))))
                .satisfies(e -> assertThat(e.errors()).containsExactly("duplicate view name 'a'"));
    }

    @Test
    void shouldCompareByViews() {
        assertThat(new ViewCatalog(List.of(view("a", "x", Map.of()))))
                .isEqualTo(new ViewCatalog(List.of(view("a", "x", Map.of()))))
                .isNotEqualTo(new ViewCatalog(List.of(view("a", "y", Map.of()))));
    }
}
