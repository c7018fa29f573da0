package io.lambda.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lambda.core.event.Event;
import io.lambda.core.event.EventReader;

/**
 * Request bodies of the ingest benchmark: a JSON array of {@code eventsPerBody} events of about 300 bytes each,
 * whose ids ({@code b<10-digit batch>-<4-digit index>}) are unique per batch number. One template is built; each
 * batch copies it and writes its number into the ids, so clients spend almost nothing on making bodies.
 */
final class IngestBodies {

    private static final int BATCH_DIGITS = 10;

    private final byte[] template;
    private final int[] batchOffsets;
    private final List<Event> templateEvents;

    IngestBodies(int eventsPerBody) {
        Instant now = Instant.now();
        StringBuilder json = new StringBuilder("[");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < eventsPerBody; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"b");
            offsets.add(json.length());
            json.append("0".repeat(BATCH_DIGITS)).append('-').append(String.format("%04d", i))
                    .append("\",\"type\":\"pageview\",\"timestamp\":\"").append(now.minusMillis(i))
                    .append("\",\"attributes\":{\"url\":\"/products/").append(4_000 + i % 500)
                    .append("/details\",\"userId\":\"u-").append(1_000_000 + i * 7)
                    .append("\",\"sessionId\":\"s-0f8c2d1e9a").append(i % 100)
                    .append("\",\"country\":\"").append(i % 3 == 0 ? "DE" : i % 3 == 1 ? "US" : "FR")
                    .append("\",\"device\":\"mobile\",\"durationMs\":").append(100 + i * 13 % 9_000)
                    .append(",\"scrollDepth\":0.").append(10 + i % 90)
                    .append(",\"referrer\":\"https://www.example.com/search?q=lambda+architecture\",\"loggedIn\":")
                    .append(i % 2 == 0).append("}}");
        }
        template = json.append(']').toString().getBytes(StandardCharsets.US_ASCII);
        batchOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
        templateEvents = new EventReader().readJson(new ByteArrayInputStream(template), now).accepted();
        if (templateEvents.size() != eventsPerBody) {
            throw new IllegalStateException("template holds invalid events");
        }
    }

    /** The JSON body of batch {@code batch}. */
    byte[] json(long batch) {
        byte[] body = template.clone();
        byte[] digits = digits(batch);
        for (int offset : batchOffsets) {
            System.arraycopy(digits, 0, body, offset, BATCH_DIGITS);
        }
        return body;
    }

    /** The same events as {@link #json(long)} holds, as records to send. */
    List<Event> events(long batch) {
        String prefix = "b" + new String(digits(batch), StandardCharsets.US_ASCII) + "-";
        List<Event> events = new ArrayList<>(templateEvents.size());
        for (Event event : templateEvents) {
            events.add(new Event(prefix + event.id().substring(BATCH_DIGITS + 2), event.type(), event.timestamp(),
                    event.attributes(), null));
        }
        return events;
    }

    /** Average bytes per event in a body. */
    int bytesPerEvent() {
        return template.length / batchOffsets.length;
    }

    private static byte[] digits(long batch) {
        return String.format("%0" + BATCH_DIGITS + "d", batch).getBytes(StandardCharsets.US_ASCII);
    }
}
