package io.lambda.core.event;

import static io.lambda.core.event.EventReaderTests.NOW;
import static io.lambda.core.event.EventReaderTests.bytes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedBodyTests {

    private final EventReader reader = new EventReader();

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\n\t\r\n "})
    void shouldRefuseAnEmptyBody(String body) {
        assertMalformed(body, "body is empty");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"42", "\"event\"", "null", "true", "-1.5"})
    void shouldRefuseTopLevelScalars(String body) {
        assertMalformed(body, "body must be a JSON object or an array of JSON objects");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json | malformed JSON at line 1, column 1: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            "`[{\"id\": \"e1\"}` | malformed JSON at line 1, column 14: Unexpected end-of-input: expected close marker for Array",
            "`{\"id\": ` | malformed JSON at line 1, column 8: Unexpected end-of-input within/between Object entries",
            "`[{\"id\": \"e1\"},]` | malformed JSON at line 1, column 15: Unexpected character (']' (code 93)): expected a value",
            "`{\"id\" \"e1\"}` | malformed JSON at line 1, column 7: Unexpected character ('\"' (code 34)): was expecting a colon to separate property name and value",
            "`{\"a\": NaN}` | malformed JSON at line 1, column 10: Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"})
    void shouldRefuseBodiesThatAreNotJsonWithLineAndColumn(String body, String message) {
        assertMalformed(body, message);
    }

    @Test
    void shouldReportTheLineOfAFailureFurtherDown() {
        assertMalformed("[\n  {\"id\": \"e1\"},\n  {\"id\": e2}\n]", "malformed JSON at line 3, column 10: "
                + "Unrecognized token 'e2': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void shouldRefuseInvalidUtf8() {
        byte[] body = {'[', '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'};

        assertThatThrownBy(() -> reader.readJson(new ByteArrayInputStream(body), NOW))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("malformed JSON at line 1, column 11: Invalid UTF-8 middle byte 0x28");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{} {}` | unexpected content after the JSON value at line 1, column 4",
            "`[]\n[]` | unexpected content after the JSON value at line 2, column 1"})
    void shouldRefuseContentAfterTheJsonValue(String body, String message) {
        assertMalformed(body, message);
    }

    @Test
    void shouldRefuseGarbageAfterTheJsonValue() {
        assertMalformed("[] x", "malformed JSON at line 1, column 4: Unrecognized token 'x': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    private void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> reader.readJson(bytes(body), NOW))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage(message);
    }
}
