package io.lambda.core.serving;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text rules of hash fields: parts separated by {@code |}; inside a dimension value {@code \} is
 * written {@code \\} and {@code |} is written {@code \|}, so any string (including empty ones and ones
 * full of separators) round-trips and two different groups never share a field.
 */
final class FieldText {

    static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';
    private static final Pattern EPOCH_SECONDS = Pattern.compile("-?[0-9]{1,19}");

    private FieldText() {
    }

    static void appendSeconds(StringBuilder field, Instant instant, String what) {
        if (instant.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be a whole second, got " + instant);
        }
        field.append(instant.getEpochSecond());
    }

    static void appendValue(StringBuilder field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR || c == ESCAPE) {
                field.append(ESCAPE);
            }
            field.append(c);
        }
    }

    /** Splits on unescaped separators and unescapes each part. */
    static List<String> split(String field) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ESCAPE) {
                if (i + 1 == field.length() || (field.charAt(i + 1) != ESCAPE && field.charAt(i + 1) != SEPARATOR)) {
                    throw new IllegalArgumentException("invalid escape at index " + i + " in field '" + field + "'");
                }
                part.append(field.charAt(++i));
            } else if (c == SEPARATOR) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    static Instant seconds(String part, String field) {
        if (!EPOCH_SECONDS.matcher(part).matches()) {
            throw new IllegalArgumentException("expected epoch seconds, got '" + part + "' in field '" + field + "'");
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(part));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("epoch seconds out of range in field '" + field + "'", e);
        }
    }

    /** Strict UTF-8: unpaired surrogates are an error, never a '?'. */
    static byte[] utf8Bytes(String text) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("field holds text that is not valid Unicode (unpaired surrogate)", e);
        }
    }

    /** Strict UTF-8: malformed bytes are an error, never a replacement character. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("field is not valid UTF-8", e);
        }
    }
}
