package io.lambda.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventTests {

    private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void shouldKeepAnImmutableCopyOfTheAttributes() {
        Map<String, Object> source = new HashMap<>(Map.of("url", "/pricing"));

        Event event = Event.of("e1", "pageview", T, source);
        source.put("url", "/changed");

        assertThat(event.attributes()).containsExactlyEntriesOf(Map.of("url", "/pricing"));
        assertThatThrownBy(() -> event.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldWidenIntegersToLongAndFloatsToDouble() {
        Event widened = Event.of("e1", "pageview", T,
                Map.of("i", 5400, "s", (short) 7, "b", (byte) 1, "f", 0.5f));

        assertThat(widened.attributes()).containsExactlyInAnyOrderEntriesOf(
                Map.of("i", 5400L, "s", 7L, "b", 1L, "f", 0.5d));
        assertThat(widened).isEqualTo(Event.of("e1", "pageview", T, Map.of("i", 5400L, "s", 7L, "b", 1L, "f", 0.5d)));
    }

    @Test
    void shouldKeepStringsLongsDoublesAndBooleansAsTheyAre() {
        Map<String, Object> attributes = Map.of("s", "x", "l", 1L, "d", 1.5d, "b", true);

        Event event = Event.of("e1", "pageview", T, attributes);

        assertThat(event.attributes()).isEqualTo(attributes);
    }

    @Test
    void shouldRejectAttributeValuesOfOtherTypes() {
        assertThatThrownBy(() -> Event.of("e1", "pageview", T, Map.of("tags", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("attribute 'tags' has unsupported type java.util.");
    }

    @Test
    void shouldRejectMissingRequiredComponents() {
        assertThatThrownBy(() -> new Event(null, "t", T, Map.of(), null)).hasMessage("id");
        assertThatThrownBy(() -> new Event("e1", null, T, Map.of(), null)).hasMessage("type");
        assertThatThrownBy(() -> new Event("e1", "t", null, Map.of(), null)).hasMessage("timestamp");
        assertThatThrownBy(() -> new Event("e1", "t", T, null, null)).hasMessage("attributes");
    }

    @Test
    void shouldRejectNullAttributeValues() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("url", null);

        assertThatThrownBy(() -> Event.of("e1", "pageview", T, attributes))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("attribute 'url'");
    }

    @Test
    void shouldCreateEventsWithoutIngestTime() {
        assertThat(Event.of("e1", "pageview", T, Map.of()).ingestTime()).isNull();
    }

    @Test
    void shouldSetIngestTimeAndKeepEverythingElse() {
        Event event = Event.of("e1", "pageview", T, Map.of("url", "/"));
        Instant ingested = T.plusSeconds(1);

        Event appended = event.withIngestTime(ingested);

        assertThat(appended).isEqualTo(new Event("e1", "pageview", T, Map.of("url", "/"), ingested));
        assertThat(event.ingestTime()).isNull();
    }
}
