package io.lambda.ingest.api;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.lambda.core.event.EventReader;
import io.lambda.core.event.ReadResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The two body formats ingest reads, chosen by the request's {@code Content-Type}. */
enum BodyFormat {

    /** {@code application/json}: one event object or an array of them. */
    JSON,
    /** {@code application/x-ndjson}: one event object per line. */
    NDJSON;

    static final MediaType NDJSON_TYPE = MediaType.parseMediaType("application/x-ndjson");
    static final String SUPPORTED = "application/json, application/x-ndjson";

    ReadResult read(EventReader reader, InputStream body, Instant now) {
        return this == JSON ? reader.readJson(body, now) : reader.readNdjson(body, now);
    }

    /**
     * The format of a {@code Content-Type}.
     *
     * @throws IngestProblem {@link ProblemType#UNSUPPORTED_MEDIA_TYPE} when it is missing, not a media type, another
     *     type, or names a charset other than UTF-8
     */
    static BodyFormat of(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("Content-Type is missing; send " + SUPPORTED);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw unsupported("Content-Type '" + shorten(contentType) + "' is not a media type; send " + SUPPORTED);
        }
        BodyFormat format;
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            format = JSON;
        } else if (NDJSON_TYPE.equalsTypeAndSubtype(type)) {
            format = NDJSON;
        } else {
            throw unsupported("Content-Type '" + shorten(type.getType() + "/" + type.getSubtype())
                    + "' is not supported; send " + SUPPORTED);
        }
        String charset = type.getParameter("charset");
        if (charset != null && !isUtf8(charset)) {
            throw unsupported("charset '" + shorten(charset) + "' is not supported; events are UTF-8");
        }
        return format;
    }

    private static boolean isUtf8(String charset) {
        String name = charset.startsWith("\"") && charset.endsWith("\"") && charset.length() > 1
                ? charset.substring(1, charset.length() - 1) : charset;
        try {
            return Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    private static IngestProblem unsupported(String detail) {
        return new IngestProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail).header("Accept", SUPPORTED);
    }
}
