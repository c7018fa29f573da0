package io.lambda.core.event;

import static io.lambda.core.event.EventReaderTests.NOW;
import static io.lambda.core.event.EventReaderTests.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Jackson {@code StreamReadConstraints} of {@link EventReader}: each limit accepted at, refused beyond. */
class ParserLimitsTests {

    private final EventReader reader = new EventReader();

    @Test
    void shouldParseNestingUpTo16LevelsAndRefuseTheBodyBeyond() {
        // array (1) > event (2) > attributes (3) > 13 nested arrays = depth 16
        String atLimit = withAttribute("[".repeat(13) + "]".repeat(13));
        String beyond = withAttribute("[".repeat(14) + "]".repeat(14));

        assertThat(reader.readJson(bytes(atLimit), NOW).rejected()).singleElement()
                .extracting(Admission.Rejected::message)
                .isEqualTo("attribute 'x' must be a string, number or boolean, not an array");
        assertLimit(beyond, "Document nesting depth (17) exceeds the maximum allowed (16)");
    }

    @Test
    void shouldRefuseDeepNestingInFieldsThatAreSkipped() {
        String body = "{\"id\": \"e1\", \"foo\": " + "{\"a\": ".repeat(20) + "1" + "}".repeat(20) + "}";

        assertLimit(body, "Document nesting depth (17) exceeds the maximum allowed (16)");
    }

    @Test
    void shouldParseNumbersOf64CharactersAndRefuseTheBodyBeyond() {
        assertThat(reader.readJson(bytes(withAttribute("9".repeat(64))), NOW).rejected()).singleElement()
                .extracting(Admission.Rejected::message)
                .isEqualTo("attribute 'x' is outside the 64-bit integer range");
        assertLimit(withAttribute("9".repeat(65)), "Number value length (65) exceeds the maximum allowed (64)");
    }

    @Test
    void shouldRefuseLongDecimalNumbers() {
        assertLimit(withAttribute("0." + "1".repeat(70)), "Number value length (71) exceeds the maximum allowed (64)");
    }

    @Test
    void shouldParseStringsOf64KibAndRefuseTheBodyBeyond() {
        assertThat(reader.readJson(bytes(withAttribute("\"" + "s".repeat(65_536) + "\"")), NOW).rejected())
                .singleElement().extracting(Admission.Rejected::message)
                .isEqualTo("attribute 'x' is longer than 1024 characters");
        assertLimit(withAttribute("\"" + "s".repeat(65_537) + "\""),
                "String value length (65537) exceeds the maximum allowed (65536)");
    }

    @Test
    void shouldParseNamesOf256CharactersAndRefuseTheBodyBeyond() {
        String longest = "n".repeat(256);

        assertThat(reader.readJson(bytes("{\"" + longest + "\": 1}"), NOW).rejected()).singleElement()
                .extracting(Admission.Rejected::message)
                .isEqualTo("unknown field '" + "n".repeat(64) + "...'");
        assertLimit("{\"" + longest + "n\": 1}", "Name length (257) exceeds the maximum allowed (256)");
    }

    private static String withAttribute(String json) {
        return "[{\"id\": \"e1\", \"type\": \"t\", \"timestamp\": 1795515270123, \"attributes\": {\"x\": " + json + "}}]";
    }

    private void assertLimit(String body, String detail) {
        assertThatThrownBy(() -> reader.readJson(bytes(body), NOW))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("JSON exceeds a parser limit at line 1, column ")
                .hasMessageEndingWith(": " + detail);
    }
}
