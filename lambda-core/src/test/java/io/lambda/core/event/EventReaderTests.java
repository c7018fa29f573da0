package io.lambda.core.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventReaderTests {

    static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
    static final Instant T = Instant.parse("2026-11-24T10:14:30.123Z");

    private final EventReader reader = new EventReader();

    @Test
    void shouldReadASingleEventObject() {
        ReadResult result = read("""
                {"id": "0f8c2d1e", "type": "pageview", "timestamp": "2026-11-24T10:14:30.123Z",
                 "attributes": {"url": "/pricing", "userId": "u-42", "country": "DE", "durationMs": 5400}}
                """);

        assertThat(result.admissions()).containsExactly(new Admission.Accepted(0, Event.of("0f8c2d1e", "pageview", T,
                Map.of("url", "/pricing", "userId", "u-42", "country", "DE", "durationMs", 5400L))));
    }

    @Test
    void shouldReadAnArrayOfEventsWithTheirIndices() {
        ReadResult result = read("""
                [{"id": "e0", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z"},
                 {"id": "e1", "type": "click", "timestamp": 1795515270123},
                 {"id": "e2", "type": "click", "timestamp": "2026-11-24T11:14:30.123+01:00", "attributes": {}}]
                """);

        assertThat(result.admissions()).containsExactly(
                new Admission.Accepted(0, Event.of("e0", "click", T, Map.of())),
                new Admission.Accepted(1, Event.of("e1", "click", T, Map.of())),
                new Admission.Accepted(2, Event.of("e2", "click", T, Map.of())));
    }

    @Test
    void shouldReadAnEmptyArrayAsNoEvents() {
        assertThat(read(" [ ] ").admissions()).isEmpty();
    }

    @Test
    void shouldRejectAnAttributeHoldingAnUnpairedSurrogateAndNameIt() {
        ReadResult result = read("""
                [{"id": "s-0", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z", "attributes": {"who": "\\ud800"}},
                 {"id": "s-1", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z", "attributes": {"who": "x\\udc00"}},
                 {"id": "s-2", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z", "attributes": {"who": "\\ud83d\\ude00"}},
                 {"id": "s\\ud800", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z"}]
                """);

        assertThat(result.accepted()).containsExactly(Event.of("s-2", "click", T, Map.of("who", "\ud83d\ude00")));
        assertThat(result.rejected()).containsExactly(
                new Admission.Rejected(0, "s-0", "attribute 'who' holds an unpaired UTF-16 surrogate (not Unicode text)"),
                new Admission.Rejected(1, "s-1", "attribute 'who' holds an unpaired UTF-16 surrogate (not Unicode text)"),
                new Admission.Rejected(3, null, "id must be 1-128 characters of [A-Za-z0-9._:-]"));
    }

    @Test
    void shouldRejectInvalidEventsOneByOneAndStillAcceptTheOthers() {
        ReadResult result = read("""
                [{"id": "ok-0", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z"},
                 {"id": "abc", "type": "click", "timestamp": "2026-11-24T10:30:00Z"},
                 42,
                 {"id": "ok-3", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z"},
                 {"id": "bad id", "type": "click", "timestamp": "2026-11-24T10:14:30.123Z"},
                 {"type": "click", "timestamp": "2026-11-24T10:14:30.123Z"}]
                """);

        assertThat(result.accepted()).containsExactly(
                Event.of("ok-0", "click", T, Map.of()), Event.of("ok-3", "click", T, Map.of()));
        assertThat(result.rejected()).containsExactly(
                new Admission.Rejected(1, "abc", "timestamp is more than 5 minutes in the future"),
                new Admission.Rejected(2, null, "event must be a JSON object"),
                new Admission.Rejected(4, null, "id must be 1-128 characters of [A-Za-z0-9._:-]"),
                new Admission.Rejected(5, null, "id is required"));
        assertThat(result.size()).isEqualTo(6);
    }

    @Test
    void shouldRejectArrayElementsThatAreNotObjectsAndReadOn() {
        ReadResult result = read("""
                ["e0", null, true, 1.5, [{"id": "nested"}], {"id": "e5", "type": "click", "timestamp": 1795515270123}]
                """);

        assertThat(result.rejected()).extracting(Admission.Rejected::index, Admission.Rejected::message).containsExactly(
                tuple(0), tuple(1), tuple(2), tuple(3), tuple(4));
        assertThat(result.accepted()).containsExactly(Event.of("e5", "click", T, Map.of()));
    }

    @Test
    void shouldRejectDuplicateFieldsAndReportTheFirstId() {
        ReadResult result = read("""
                [{"id": "e1", "type": "click", "id": "e2", "timestamp": 1795515270123},
                 {"id": "e3", "type": "click", "timestamp": 1795515270123, "attributes": {"url": "/a", "url": "/b"}},
                 {"id": "e4", "type": "click", "timestamp": 1795515270123, "attributes": {}, "attributes": {}}]
                """);

        assertThat(result.admissions()).containsExactly(
                new Admission.Rejected(0, "e1", "duplicate field 'id'"),
                new Admission.Rejected(1, "e3", "duplicate attribute 'url'"),
                new Admission.Rejected(2, "e4", "duplicate field 'attributes'"));
    }

    @Test
    void shouldRejectUnknownFieldsAndReadTheNextEvent() {
        ReadResult result = read("""
                [{"id": "e1", "type": "click", "timestamp": 1795515270123, "foo": {"deep": [1, {"x": null}]}},
                 {"id": "e2", "type": "click", "timestamp": 1795515270123, "Id": "x"},
                 {"id": "e3", "type": "click", "timestamp": 1795515270123}]
                """);

        assertThat(result.admissions()).containsExactly(
                new Admission.Rejected(0, "e1", "unknown field 'foo'"),
                new Admission.Rejected(1, "e2", "unknown field 'Id'"),
                new Admission.Accepted(2, Event.of("e3", "click", T, Map.of())));
    }

    @Test
    void shouldRejectEventsThatSetIngestTime() {
        ReadResult result = read("""
                {"id": "e1", "type": "click", "timestamp": 1795515270123, "ingestTime": 1795515270123}
                """);

        assertThat(result.admissions()).containsExactly(
                new Admission.Rejected(0, "e1", "ingestTime is set by the platform"));
    }

    @Test
    void shouldReadIntegralNumbersAsLongAndOthersAsDouble() {
        ReadResult result = read("""
                {"id": "e1", "type": "click", "timestamp": 1795515270123, "attributes": {
                 "int": 42, "negative": -7, "max": 9223372036854775807, "min": -9223372036854775808,
                 "decimal": 0.25, "exponent": 1e2, "negativeZero": -0.0, "yes": true, "no": false, "text": "ä\\u00e9\\n"}}
                """);

        assertThat(result.accepted()).singleElement().extracting(Event::attributes).isEqualTo(Map.of(
                "int", 42L, "negative", -7L, "max", Long.MAX_VALUE, "min", Long.MIN_VALUE,
                "decimal", 0.25d, "exponent", 100.0d, "negativeZero", -0.0d, "yes", true, "no", false, "text", "äé\n"));
    }

    @Test
    void shouldRejectIntegersBeyondLongAndNumbersBeyondDouble() {
        ReadResult result = read("""
                [{"id": "e1", "type": "click", "timestamp": 1795515270123, "attributes": {"n": 9223372036854775808}},
                 {"id": "e2", "type": "click", "timestamp": 1795515270123, "attributes": {"n": -1e400}},
                 {"id": "e3", "type": "click", "timestamp": 17955152701230000000000}]
                """);

        assertThat(result.admissions()).containsExactly(
                new Admission.Rejected(0, "e1", "attribute 'n' is outside the 64-bit integer range"),
                new Admission.Rejected(1, "e2", "attribute 'n' must be a finite number"),
                new Admission.Rejected(2, "e3", "timestamp must be an RFC 3339 date-time or integral epoch milliseconds"));
    }

    @Test
    void shouldRejectNullsArraysAndObjectsAsAttributeValues() {
        ReadResult result = read("""
                [{"id": "e1", "type": "click", "timestamp": 1795515270123, "attributes": {"a": null}},
                 {"id": "e2", "type": "click", "timestamp": 1795515270123, "attributes": {"tags": ["x"]}},
                 {"id": "e3", "type": "click", "timestamp": 1795515270123, "attributes": {"geo": {"lat": 1}}},
                 {"id": "e4", "type": "click", "timestamp": 1795515270123, "attributes": ["x"]}]
                """);

        assertThat(result.admissions()).containsExactly(
                new Admission.Rejected(0, "e1", "attribute 'a' must be a string, number or boolean, not null"),
                new Admission.Rejected(1, "e2", "attribute 'tags' must be a string, number or boolean, not an array"),
                new Admission.Rejected(2, "e3", "attribute 'geo' must be a string, number or boolean, not an object"),
                new Admission.Rejected(3, "e4", "attributes must be a JSON object"));
    }

    @Test
    void shouldRejectDecimalEpochTimestamps() {
        ReadResult result = read("""
                {"id": "e1", "type": "click", "timestamp": 1795515270123.5}
                """);

        assertThat(result.admissions()).containsExactly(new Admission.Rejected(0, "e1",
                "timestamp must be an RFC 3339 date-time or integral epoch milliseconds"));
    }

    @Test
    void shouldReadTheExampleOfTheDesign() {
        ReadResult result = read("""
                {"id": "0f8c2d1e-4b7a", "type": "pageview", "timestamp": "2026-11-24T10:15:30.123Z",
                 "attributes": {"url": "/pricing", "userId": "u-42", "country": "DE", "durationMs": 5400}}
                """);

        assertThat(result.accepted()).containsExactly(Event.of("0f8c2d1e-4b7a", "pageview",
                Instant.parse("2026-11-24T10:15:30.123Z"),
                Map.of("url", "/pricing", "userId", "u-42", "country", "DE", "durationMs", 5400L)));
    }

    @Test
    void shouldSkipAUtf8ByteOrderMarkInJsonAndNdjson() {
        byte[] json = "[{\"id\": \"e1\", \"type\": \"click\", \"timestamp\": 1795515270123}]".getBytes(UTF_8);
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        assertThat(reader.readJson(new ByteArrayInputStream(body), NOW).accepted())
                .containsExactly(Event.of("e1", "click", T, Map.of()));
        assertThat(reader.readNdjson(new ByteArrayInputStream(body), NOW).rejected()).containsExactly(
                new Admission.Rejected(0, null, "event must be a JSON object"));
    }

    private static org.assertj.core.groups.Tuple tuple(int index) {
        return org.assertj.core.groups.Tuple.tuple(index, "event must be a JSON object");
    }

    static ByteArrayInputStream bytes(String body) {
        return new ByteArrayInputStream(body.getBytes(UTF_8));
    }

    private ReadResult read(String body) {
        return reader.readJson(bytes(body), NOW);
    }
}
