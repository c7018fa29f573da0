package io.lambda.core.event;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/** Words Jackson's parse failures as {@link EventMessages}, with line and column, without Jackson's internals. */
final class JsonFailures {

    /** Jackson's source descriptions ("[Source: REDACTED ...]") and constraint getter names say nothing to a client. */
    private static final Pattern NOISE = Pattern.compile(
            " \\(start marker at \\[Source:[^\\]]*\\]\\)|\\[Source:[^\\]]*\\]|, from `[^`]*`");

    private JsonFailures() {
    }

    /**
     * The message for {@code failure}.
     *
     * @param line the line to report instead of the parser's, or 0 to use the parser's
     */
    static String describe(JacksonException failure, @Nullable JsonParser parser, int line) {
        TokenStreamLocation location = failure.getLocation();
        if ((location == null || location.getLineNr() < 1) && parser != null) {
            location = parser.currentLocation();
        }
        int reportedLine = location == null ? -1 : location.getLineNr();
        int column = location == null ? -1 : location.getColumnNr();
        if (line > 0) {
            reportedLine = line;
        }
        String detail = detail(failure);
        return failure instanceof StreamConstraintsException
                ? EventMessages.parserLimit(reportedLine, column, detail)
                : EventMessages.malformed(reportedLine, column, detail);
    }

    private static String detail(JacksonException failure) {
        String original = failure.getOriginalMessage();
        if (original == null || original.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return NOISE.matcher(original).replaceAll("").strip();
    }
}
