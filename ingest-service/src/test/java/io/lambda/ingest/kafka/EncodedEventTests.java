package io.lambda.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import org.junit.jupiter.api.Test;

class EncodedEventTests {

    private static final Instant T = Instant.parse("2026-11-24T11:05:00.250Z");

    @Test
    void shouldKeyByIdAndHoldTheAvroBinaryOfEachEventInOrder() {
        List<Event> events = List.of(Event.of("b", "click", T, Map.of("n", 2L)),
                Event.of("a", "pageview", T, Map.of("url", "/x")));

        List<EncodedEvent> encoded = EncodedEvent.of(events);

        assertThat(encoded).extracting(EncodedEvent::id).containsExactly("b", "a");
        assertThat(encoded).extracting(event -> new EventAvroCodec().decode(event.value()))
                .containsExactlyElementsOf(events);
    }
}
