package io.lambda.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
    private static final String TS = "2026-11-24T10:14:00Z";

    private final EventValidator validator = new EventValidator(EventRules.DEFAULTS);

    @Test
    void shouldAcceptAMinimalEvent() {
        Admission admission = validate(RawEvent.of("e1", "pageview", TS, null));

        assertThat(admission).isEqualTo(new Admission.Accepted(7,
                Event.of("e1", "pageview", Instant.parse(TS), Map.of())));
    }

    @Test
    void shouldAcceptEveryAttributeType() {
        Map<String, Object> attributes = Map.of("url", "/pricing", "durationMs", 5400L, "score", 0.5d, "new", true);

        Admission admission = validate(RawEvent.of("e1", "pageview", TS, attributes));

        assertThat(admission).isEqualTo(new Admission.Accepted(7,
                Event.of("e1", "pageview", Instant.parse(TS), attributes)));
    }

    @Test
    void shouldTreatNullAttributesAsNone() {
        Admission admission = validate(RawEvent.of("e1", "pageview", TS, RawEvent.Shape.NULL));

        assertThat(admission).isEqualTo(new Admission.Accepted(7, Event.of("e1", "pageview", Instant.parse(TS), Map.of())));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a", "Z", "0", "0f8c2d1e-4b7a-11ee-be56-0242ac120002", "order:42.item_7", "._:-"})
    void shouldAcceptIdsOfTheAllowedCharacters(String id) {
        assertAccepted(RawEvent.of(id, "pageview", TS, null));
    }

    @Test
    void shouldAcceptIdsOf128CharactersAndRejectIdsOf129() {
        assertAccepted(RawEvent.of("i".repeat(128), "pageview", TS, null));
        assertRejected(RawEvent.of("i".repeat(129), "pageview", TS, null), null,
                "id must be 1-128 characters of [A-Za-z0-9._:-]");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "a b", "a/b", "a#b", "é", "a\nb", "id,2"})
    void shouldRejectIdsOfOtherCharacters(String id) {
        assertRejected(RawEvent.of(id, "pageview", TS, null), null, "id must be 1-128 characters of [A-Za-z0-9._:-]");
    }

    @Test
    void shouldRequireAnId() {
        assertRejected(RawEvent.of(null, "pageview", TS, null), null, "id is required");
        assertRejected(RawEvent.of(RawEvent.Shape.NULL, "pageview", TS, null), null, "id is required");
    }

    @ParameterizedTest
    @MethodSource("nonStrings")
    void shouldRejectIdsThatAreNotStrings(Object id) {
        assertRejected(RawEvent.of(id, "pageview", TS, null), null, "id must be a string");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a", "pageview", "page.view-v2_x", "sign_up", "z9"})
    void shouldAcceptTypesOfTheAllowedForm(String type) {
        assertAccepted(RawEvent.of("e1", type, TS, null));
    }

    @Test
    void shouldAcceptTypesOf64CharactersAndRejectTypesOf65() {
        assertAccepted(RawEvent.of("e1", "t".repeat(64), TS, null));
        assertRejected(RawEvent.of("e1", "t".repeat(65), TS, null), "e1", "type must match [a-z][a-z0-9_.-]{0,63}");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "Pageview", "pageView", "1abc", "_x", ".x", "page view", "page:view", "seite/ä"})
    void shouldRejectTypesOfAnotherForm(String type) {
        assertRejected(RawEvent.of("e1", type, TS, null), "e1", "type must match [a-z][a-z0-9_.-]{0,63}");
    }

    @Test
    void shouldRequireAType() {
        assertRejected(RawEvent.of("e1", null, TS, null), "e1", "type is required");
        assertRejected(RawEvent.of("e1", RawEvent.Shape.NULL, TS, null), "e1", "type is required");
    }

    @ParameterizedTest
    @MethodSource("nonStrings")
    void shouldRejectTypesThatAreNotStrings(Object type) {
        assertRejected(RawEvent.of("e1", type, TS, null), "e1", "type must be a string");
    }

    @Test
    void shouldRequireATimestamp() {
        assertRejected(RawEvent.of("e1", "pageview", null, null), "e1", "timestamp is required");
        assertRejected(RawEvent.of("e1", "pageview", RawEvent.Shape.NULL, null), "e1", "timestamp is required");
    }

    @Test
    void shouldNormaliseRfc3339OffsetsToUtc() {
        Event event = accepted(RawEvent.of("e1", "pageview", "2026-11-24T11:14:00.123+01:00", null));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-24T10:14:00.123Z"));
    }

    @Test
    void shouldTruncateTimestampsToMilliseconds() {
        Event event = accepted(RawEvent.of("e1", "pageview", "2026-11-24T10:14:00.123999Z", null));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-24T10:14:00.123Z"));
    }

    @Test
    void shouldAcceptEpochMilliseconds() {
        long millis = Instant.parse("2026-11-24T10:14:00.123Z").toEpochMilli();

        Event event = accepted(RawEvent.of("e1", "pageview", millis, null));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-24T10:14:00.123Z"));
    }

    @ParameterizedTest
    @MethodSource("badTimestamps")
    void shouldRejectTimestampsThatAreNeitherRfc3339NorEpochMilliseconds(Object timestamp) {
        assertRejected(RawEvent.of("e1", "pageview", timestamp, null), "e1",
                "timestamp must be an RFC 3339 date-time or integral epoch milliseconds");
    }

    @Test
    void shouldAcceptTimestampsExactlyFiveMinutesAheadButNotOneMillisecondMore() {
        Instant limit = NOW.plus(Duration.ofMinutes(5));

        assertAccepted(RawEvent.of("e1", "pageview", limit.toString(), null));
        assertAccepted(RawEvent.of("e1", "pageview", limit.toEpochMilli(), null));
        assertRejected(RawEvent.of("abc", "pageview", limit.plusMillis(1).toString(), null), "abc",
                "timestamp is more than 5 minutes in the future");
        assertRejected(RawEvent.of("abc", "pageview", limit.toEpochMilli() + 1, null), "abc",
                "timestamp is more than 5 minutes in the future");
    }

    @Test
    void shouldAcceptTimestampsExactly365DaysOldButNotOneMillisecondOlder() {
        Instant limit = NOW.minus(Duration.ofDays(365));

        assertAccepted(RawEvent.of("e1", "pageview", limit.toString(), null));
        assertRejected(RawEvent.of("e1", "pageview", limit.minusMillis(1).toString(), null), "e1",
                "timestamp is older than 365 days");
        assertRejected(RawEvent.of("e1", "pageview", 0L, null), "e1", "timestamp is older than 365 days");
    }

    @Test
    void shouldApplyConfiguredWindowsWithMatchingMessages() {
        EventValidator strict = new EventValidator(new EventRules(Duration.ofMinutes(1), Duration.ofDays(30)));

        assertThat(strict.validate(0, RawEvent.of("e1", "t", NOW.plusSeconds(61).toString(), null), NOW))
                .isEqualTo(new Admission.Rejected(0, "e1", "timestamp is more than 1 minute in the future"));
        assertThat(strict.validate(0, RawEvent.of("e1", "t", NOW.minus(Duration.ofDays(31)).toString(), null), NOW))
                .isEqualTo(new Admission.Rejected(0, "e1", "timestamp is older than 30 days"));
        assertThat(strict.validate(0, RawEvent.of("e1", "t", NOW.minus(Duration.ofDays(29)).toString(), null), NOW))
                .isInstanceOf(Admission.Accepted.class);
    }

    @Test
    void shouldHandleWindowsAsWideAsADurationAllows() {
        EventValidator lenient = new EventValidator(new EventRules(Duration.ofSeconds(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE)));

        assertThat(lenient.validate(0, RawEvent.of("e1", "t", "0001-01-01T00:00:00Z", null), NOW))
                .isInstanceOf(Admission.Accepted.class);
        assertThat(lenient.validate(0, RawEvent.of("e1", "t", Long.MAX_VALUE, null), NOW))
                .isInstanceOf(Admission.Accepted.class);
    }

    @Test
    void shouldRejectTimestampsFarOutsideTheWindowWithoutOverflow() {
        assertRejected(RawEvent.of("e1", "pageview", Long.MAX_VALUE, null), "e1",
                "timestamp is more than 5 minutes in the future");
        assertRejected(RawEvent.of("e1", "pageview", Long.MIN_VALUE, null), "e1", "timestamp is older than 365 days");
    }

    @Test
    void shouldAcceptSixtyFourAttributesAndRejectSixtyFive() {
        assertAccepted(RawEvent.of("e1", "pageview", TS, attributes(64)));
        assertRejected(RawEvent.of("e1", "pageview", TS, attributes(65)), "e1", "attributes has more than 64 entries");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a", "_", "A", "_private", "user.id", "x-y", "a9", "url_2"})
    void shouldAcceptAttributeKeysOfTheAllowedForm(String key) {
        assertAccepted(RawEvent.of("e1", "pageview", TS, Map.of(key, "v")));
    }

    @Test
    void shouldAcceptAttributeKeysOf64CharactersAndRejectKeysOf65() {
        String longest = "k".repeat(64);
        String tooLong = "k".repeat(65);

        assertAccepted(RawEvent.of("e1", "pageview", TS, Map.of(longest, "v")));
        assertRejected(RawEvent.of("e1", "pageview", TS, Map.of(tooLong, "v")), "e1",
                "attribute key '" + longest + "...' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "1abc", "-x", ".x", "a b", "ü", "a:b", "a/b"})
    void shouldRejectAttributeKeysOfAnotherForm(String key) {
        assertRejected(RawEvent.of("e1", "pageview", TS, Map.of(key, "v")), "e1",
                "attribute key '" + key + "' must match [A-Za-z_][A-Za-z0-9_.-]{0,63}");
    }

    @Test
    void shouldAcceptStringValuesOf1024CharactersAndReject1025() {
        assertAccepted(RawEvent.of("e1", "pageview", TS, Map.of("url", "u".repeat(1024))));
        assertRejected(RawEvent.of("e1", "pageview", TS, Map.of("url", "u".repeat(1025))), "e1",
                "attribute 'url' is longer than 1024 characters");
    }

    @Test
    void shouldCountCharactersAsCodePoints() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars

        assertAccepted(RawEvent.of("e1", "pageview", TS, Map.of("face", emoji.repeat(1024))));
        assertRejected(RawEvent.of("e1", "pageview", TS, Map.of("face", emoji.repeat(1025))), "e1",
                "attribute 'face' is longer than 1024 characters");
    }

    @ParameterizedTest
    @MethodSource("badAttributeValues")
    void shouldRejectAttributeValuesThatAreNotStringsNumbersOrBooleans(Object value, String message) {
        assertRejected(RawEvent.of("e1", "pageview", TS, Map.of("x", value)), "e1", message);
    }

    @Test
    void shouldRejectAttributesThatAreNotAnObject() {
        assertRejected(RawEvent.of("e1", "pageview", TS, "url=/"), "e1", "attributes must be a JSON object");
        assertRejected(RawEvent.of("e1", "pageview", TS, RawEvent.Shape.ARRAY), "e1", "attributes must be a JSON object");
        assertRejected(RawEvent.of("e1", "pageview", TS, 42L), "e1", "attributes must be a JSON object");
    }

    @Test
    void shouldReportTheFirstBadAttributeInDocumentOrder() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("ok", "v");
        attributes.put("second", RawEvent.Shape.NULL);
        attributes.put("1third", "v");

        assertRejected(RawEvent.of("e1", "pageview", TS, attributes), "e1",
                "attribute 'second' must be a string, number or boolean, not null");
    }

    @Test
    void shouldCheckIdThenTypeThenTimestampThenAttributes() {
        assertRejected(RawEvent.of("a b", "Bad", "soon", "x"), null, "id must be 1-128 characters of [A-Za-z0-9._:-]");
        assertRejected(RawEvent.of("e1", "Bad", "soon", "x"), "e1", "type must match [a-z][a-z0-9_.-]{0,63}");
        assertRejected(RawEvent.of("e1", "t", "soon", "x"), "e1",
                "timestamp must be an RFC 3339 date-time or integral epoch milliseconds");
        assertRejected(RawEvent.of("e1", "t", TS, "x"), "e1", "attributes must be a JSON object");
    }

    @Test
    void shouldRejectWithTheReadProblemFirstAndStillReportTheId() {
        RawEvent raw = new RawEvent("e1", "Bad", TS, null, "unknown field 'foo'");

        assertRejected(raw, "e1", "unknown field 'foo'");
    }

    @Test
    void shouldBeAPureFunctionOfItsArguments() {
        RawEvent raw = RawEvent.of("e1", "pageview", TS, Map.of("url", "/"));

        assertThat(validate(raw)).isEqualTo(validate(raw));
        assertThat(validator.validate(7, raw, NOW.minus(Duration.ofDays(400))))
                .isEqualTo(new Admission.Rejected(7, "e1", "timestamp is more than 5 minutes in the future"));
    }

    static Stream<Object> nonStrings() {
        return Stream.of(42L, 4.2d, true, BigInteger.TEN.pow(30), RawEvent.Shape.ARRAY, RawEvent.Shape.OBJECT);
    }

    static Stream<Object> badTimestamps() {
        return Stream.of("yesterday", "2026-11-24", "1764000000000", "", 1.7640e12d, true,
                BigInteger.TEN.pow(30), RawEvent.Shape.ARRAY, RawEvent.Shape.OBJECT);
    }

    static Stream<Arguments> badAttributeValues() {
        return Stream.of(
                Arguments.of(RawEvent.Shape.NULL, "attribute 'x' must be a string, number or boolean, not null"),
                Arguments.of(RawEvent.Shape.ARRAY, "attribute 'x' must be a string, number or boolean, not an array"),
                Arguments.of(RawEvent.Shape.OBJECT, "attribute 'x' must be a string, number or boolean, not an object"),
                Arguments.of(new BigInteger("9223372036854775808"), "attribute 'x' is outside the 64-bit integer range"),
                Arguments.of(Double.POSITIVE_INFINITY, "attribute 'x' must be a finite number"),
                Arguments.of(Double.NaN, "attribute 'x' must be a finite number"),
                Arguments.of('c', "attribute 'x' must be a string, number or boolean"));
    }

    private static Map<String, Object> attributes(int count) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put("a" + i, (long) i);
        }
        return attributes;
    }

    private Admission validate(RawEvent raw) {
        return validator.validate(7, raw, NOW);
    }

    private Event accepted(RawEvent raw) {
        Admission admission = validate(raw);
        assertThat(admission).isInstanceOf(Admission.Accepted.class);
        return ((Admission.Accepted) admission).event();
    }

    private void assertAccepted(RawEvent raw) {
        assertThat(validate(raw)).isInstanceOf(Admission.Accepted.class);
    }

    private void assertRejected(RawEvent raw, @Nullable String id, String message) {
        assertThat(validate(raw)).isEqualTo(new Admission.Rejected(7, id, message));
    }
}
