package io.lambda.core.event;

import static io.lambda.core.event.EventReaderTests.NOW;
import static io.lambda.core.event.EventReaderTests.T;
import static io.lambda.core.event.EventReaderTests.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NdjsonReadingTests {

    private final EventReader reader = new EventReader();

    @Test
    void shouldReadOneEventPerLine() {
        ReadResult result = read("""
                {"id": "e0", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z"}
                {"id": "e1", "type": "click", "timestamp": 1795515270123, "attributes": {"n": 1}}
                {"id": "e2", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z"}
                """);

        assertThat(result.admissions()).containsExactly(
                new Admission.Accepted(0, Event.of("e0", "click", T, Map.of())),
                new Admission.Accepted(1, Event.of("e1", "click", T, Map.of("n", 1L))),
                new Admission.Accepted(2, Event.of("e2", "click", T, Map.of())));
    }

    @Test
    void shouldIgnoreBlankLinesAndNotCountThemAsEvents() {
        ReadResult result = read("\n  \n" + event("e0") + "\r\n\t\r\n\n" + event("e1") + "\n\n");

        assertThat(result.admissions()).containsExactly(
                new Admission.Accepted(0, Event.of("e0", "click", T, Map.of())),
                new Admission.Accepted(1, Event.of("e1", "click", T, Map.of())));
    }

    @Test
    void shouldReadALastLineWithoutNewline() {
        assertThat(read(event("e0") + "\n" + event("e1")).accepted()).extracting(Event::id).containsExactly("e0", "e1");
    }

    @Test
    void shouldRejectABadLineWithItsIndexAndPhysicalLineAndReadTheOthers() {
        ReadResult result = read(event("e0") + "\n\n{\"id\": \"e1\", \"type\": \n" + event("e2") + "\n");

        assertThat(result.accepted()).extracting(Event::id).containsExactly("e0", "e2");
        assertThat(result.rejected()).containsExactly(new Admission.Rejected(1, null,
                "malformed JSON at line 3, column 22: Unexpected end-of-input within/between Object entries"));
    }

    @Test
    void shouldRejectLinesThatAreNotObjects() {
        ReadResult result = read("[" + event("e0") + "]\n42\n\"text\"\nnull\n" + event("e4"));

        assertThat(result.rejected()).extracting(Admission.Rejected::index).containsExactly(0, 1, 2, 3);
        assertThat(result.rejected()).extracting(Admission.Rejected::message).containsOnly("event must be a JSON object");
        assertThat(result.accepted()).extracting(Event::id).containsExactly("e4");
    }

    @Test
    void shouldRejectALineWithMoreThanOneValueAndReportItsId() {
        ReadResult result = read(event("e0") + " " + event("e1") + "\n" + event("e2"));

        assertThat(result.rejected()).containsExactly(
                new Admission.Rejected(0, "e0", "unexpected content after the JSON value at line 1, column 72"));
        assertThat(result.accepted()).extracting(Event::id).containsExactly("e2");
    }

    @Test
    void shouldRejectInvalidUtf8OnOneLineOnly() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((event("e0") + "\n").getBytes());
        body.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        body.write(event("e2").getBytes());

        ReadResult result = reader.readNdjson(new ByteArrayInputStream(body.toByteArray()), NOW);

        assertThat(result.accepted()).extracting(Event::id).containsExactly("e0", "e2");
        assertThat(result.rejected()).containsExactly(
                new Admission.Rejected(1, null, "malformed JSON at line 2, column 9: Invalid UTF-8 start byte 0xff"));
    }

    @Test
    void shouldRejectALineBeyondAParserLimitAndReadTheOthers() {
        String deep = "{\"id\": \"e1\", \"x\": " + "[".repeat(20) + "]".repeat(20) + "}";

        ReadResult result = read(event("e0") + "\n" + deep + "\n" + event("e2"));

        assertThat(result.accepted()).extracting(Event::id).containsExactly("e0", "e2");
        assertThat(result.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.index()).isEqualTo(1);
            assertThat(rejected.message()).startsWith("JSON exceeds a parser limit at line 2, column ")
                    .endsWith(": Document nesting depth (17) exceeds the maximum allowed (16)");
        });
    }

    @Test
    void shouldApplyTheEventRulesToEachLine() {
        ReadResult result = read(event("e0") + "\n{\"id\": \"e1\", \"type\": \"click\", \"timestamp\": 1795515270123, "
                + "\"ingestTime\": 1}\n{\"id\": \"e2\", \"type\": \"click\", \"timestamp\": \"2026-11-24T10:20:00.001Z\"}");

        assertThat(result.rejected()).containsExactly(
                new Admission.Rejected(1, "e1", "ingestTime is set by the platform"),
                new Admission.Rejected(2, "e2", "timestamp is more than 5 minutes in the future"));
    }

    @Test
    void shouldReadLinesLongerThanTheReadBuffer() {
        String url = "u".repeat(1000);
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            attributes.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": \"").append(url).append('"');
        }
        String line = "{\"id\": \"e0\", \"type\": \"click\", \"timestamp\": 1795515270123, \"attributes\": {" + attributes + "}}";

        ReadResult result = read(line + "\n" + line.replace("e0", "e1"));

        assertThat(line.length()).isGreaterThan(2 * 8192);
        assertThat(result.accepted()).extracting(Event::id).containsExactly("e0", "e1");
        assertThat(result.accepted().get(1).attributes()).hasSize(20).containsEntry("a19", url);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "\n", " \n\r\n\t"})
    void shouldRefuseABodyWithoutEvents(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedBodyException.class).hasMessage("body is empty");
    }

    private static String event(String id) {
        return "{\"id\": \"" + id + "\", \"type\": \"click\", \"timestamp\": \"2026-11-24T10:14:30.123Z\"}";
    }

    private ReadResult read(String body) {
        return reader.readNdjson(bytes(body), NOW);
    }
}
