package io.lambda.core.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a request body of events and validates each one: a single JSON object, a JSON array of objects, or NDJSON
 * (one object per line, blank lines ignored).
 *
 * <p>A Jackson streaming parser reads each event straight into a {@link RawEvent}, no tree, which
 * {@link EventValidator} turns into an {@link Admission}. A JSON body is first read into one array (parsing from an
 * array is cheaper than from a stream), NDJSON a line at a time. {@link BodyLimits} are enforced while reading:
 * {@link TooManyEventsException} on the first event too many, {@link BodyTooLargeException} on the first byte too
 * many. A body that cannot be parsed is a {@link MalformedBodyException}, except in NDJSON where a bad line is one
 * rejected event. Parser limits make hostile input cheap to refuse: nesting depth {@value #MAX_NESTING_DEPTH},
 * numbers of {@value #MAX_NUMBER_LENGTH} characters, strings of {@value #MAX_STRING_LENGTH} characters, names of
 * {@value #MAX_NAME_LENGTH} characters.
 *
 * <p>The caller owns the stream: it is read, never closed. I/O failures of the stream are
 * {@link UncheckedIOException}s. Thread-safe: one instance serves all requests.
 */
public final class EventReader {

    public static final int MAX_NESTING_DEPTH = 16;
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    public static final int MAX_NAME_LENGTH = 256;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final EventValidator validator;
    private final BodyLimits limits;

    public EventReader(EventRules rules, BodyLimits limits) {
        this.validator = new EventValidator(rules);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A reader with {@link EventRules#DEFAULTS} and {@link BodyLimits#DEFAULTS}. */
    public EventReader() {
        this(EventRules.DEFAULTS, BodyLimits.DEFAULTS);
    }

    public BodyLimits limits() {
        return limits;
    }

    /**
     * Reads a JSON body: one event object (index 0) or an array of them. An array element that is not an object is
     * rejected with {@link EventMessages#EVENT_NOT_OBJECT}; the others are still read.
     *
     * @param now the validation time for the timestamp window
     * @throws MalformedBodyException when the body is empty, not JSON, not an object or array, or truncated
     * @throws TooManyEventsException when the array has more than {@link BodyLimits#maxEvents()} elements
     * @throws BodyTooLargeException when the body has more than {@link BodyLimits#maxBytes()} bytes
     */
    public ReadResult readJson(InputStream body, Instant now) {
        byte[] bytes = readAll(body);
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(ObjectReadContext.empty(), bytes, 0, bytes.length);
            return readJsonValue(parser, now);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        } catch (JacksonException e) {
            throw new MalformedBodyException(JsonFailures.describe(e, parser, 0));
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    /**
     * Reads an NDJSON body: one event object per line, blank lines ignored. A line that is not one JSON object is
     * rejected with its index (blank lines do not count) and the others are still read.
     *
     * @param now the validation time for the timestamp window
     * @throws MalformedBodyException when the body holds no event at all
     * @throws TooManyEventsException when the body has more than {@link BodyLimits#maxEvents()} non-blank lines
     * @throws BodyTooLargeException when the body has more than {@link BodyLimits#maxBytes()} bytes
     */
    public ReadResult readNdjson(InputStream body, Instant now) {
        NdjsonLines lines = new NdjsonLines(new SizeLimitedInputStream(body, limits.maxBytes()));
        List<Admission> admissions = new ArrayList<>();
        try {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                checkCount(admissions.size());
                admissions.add(readLine(lines, admissions.size(), now));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (admissions.isEmpty()) {
            throw new MalformedBodyException(EventMessages.BODY_EMPTY);
        }
        return new ReadResult(admissions);
    }

    private ReadResult readJsonValue(JsonParser parser, Instant now) {
        JsonToken first = parser.nextToken();
        List<Admission> admissions = new ArrayList<>();
        EventObjectReader objects = new EventObjectReader(parser);
        if (first == JsonToken.START_OBJECT) {
            admissions.add(validator.validate(0, objects.read(), now));
        } else if (first == JsonToken.START_ARRAY) {
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                checkCount(admissions.size());
                admissions.add(readElement(parser, token, objects, admissions.size(), now));
            }
        } else {
            throw new MalformedBodyException(first == null ? EventMessages.BODY_EMPTY : EventMessages.BODY_NOT_EVENTS);
        }
        if (parser.nextToken() != null) {
            var location = parser.currentTokenLocation();
            throw new MalformedBodyException(EventMessages.trailingContent(location.getLineNr(), location.getColumnNr()));
        }
        return new ReadResult(admissions);
    }

    private Admission readElement(JsonParser parser, @Nullable JsonToken token, EventObjectReader objects, int index,
                                  Instant now) {
        if (token == JsonToken.START_OBJECT) {
            return validator.validate(index, objects.read(), now);
        }
        if (token == null) { // the parser reports a truncated array itself; this is a guard
            throw new MalformedBodyException(EventMessages.malformed(0, 0, "unexpected end of the array"));
        }
        parser.skipChildren();
        return new Admission.Rejected(index, null, EventMessages.EVENT_NOT_OBJECT);
    }

    private Admission readLine(NdjsonLines lines, int index, Instant now) {
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(ObjectReadContext.empty(), lines.bytes(), 0, lines.length());
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new Admission.Rejected(index, null, EventMessages.EVENT_NOT_OBJECT);
            }
            RawEvent raw = new EventObjectReader(parser).read();
            if (parser.nextToken() != null && raw.readProblem() == null) {
                int column = parser.currentTokenLocation().getColumnNr();
                raw = new RawEvent(raw.id(), raw.type(), raw.timestamp(), raw.attributes(),
                        EventMessages.trailingContent(lines.lineNumber(), column));
            }
            return validator.validate(index, raw, now);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        } catch (JacksonException e) {
            return new Admission.Rejected(index, null, JsonFailures.describe(e, parser, lines.lineNumber()));
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    /**
     * The whole body, read through the byte limit: parsing from an array spares the parser a refill check per token,
     * which costs more than the copy (and a body is bounded by {@link BodyLimits#maxBytes()}).
     */
    private byte[] readAll(InputStream body) {
        try {
            return new SizeLimitedInputStream(body, limits.maxBytes()).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkCount(int eventsSoFar) {
        if (eventsSoFar == limits.maxEvents()) {
            throw new TooManyEventsException(limits.maxEvents());
        }
    }
}
