package io.lambda.ingest.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded generator of request bodies for fuzzing {@code POST /api/v1/events}. {@link #invalid} bodies hold no valid
 * event by construction (the server must refuse them whole: 400 or 413); {@link #mutated} bodies are valid bodies
 * with random byte edits, which may or may not still hold valid events.
 */
final class HostileBodies {

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";

    enum Kind {
        TRUNCATED, DEEP_NESTING, HUGE_NUMBER, INVALID_EVENTS, INVALID_UTF8, DUPLICATE_KEYS, GARBAGE, CONTROL_CHARS,
        LONG_TOKENS, NOT_EVENTS, NDJSON_ALL_BAD, MUTATED
    }

    /** One generated request. */
    record Body(Kind kind, long seed, String contentType, byte[] bytes) {

        /** The start of the body, printable, for failure messages. */
        String preview() {
            String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
            return text.replaceAll("[^\\x20-\\x7e]", "?") + (bytes.length > 300 ? "... (" + bytes.length + " bytes)" : "");
        }

        @Override
        public String toString() {
            return kind + " seed=" + seed + " " + contentType + ": " + preview();
        }
    }

    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";
    private static final Kind[] INVALID_KINDS = {Kind.TRUNCATED, Kind.DEEP_NESTING, Kind.HUGE_NUMBER,
            Kind.INVALID_EVENTS, Kind.INVALID_UTF8, Kind.DUPLICATE_KEYS, Kind.GARBAGE, Kind.CONTROL_CHARS,
            Kind.LONG_TOKENS, Kind.NOT_EVENTS, Kind.NDJSON_ALL_BAD};

    /** Each way to make one event invalid, applied to the fields of a valid one. */
    private static final List<Function<Random, String>> BROKEN_EVENTS = List.of(
            r -> event(null, q("pageview"), ts(r), attrs(r)),
            r -> event(q(""), q("pageview"), ts(r), attrs(r)),
            r -> event(q("has space"), q("pageview"), ts(r), attrs(r)),
            r -> event(q("x".repeat(129)), q("pageview"), ts(r), attrs(r)),
            r -> event(String.valueOf(r.nextInt()), q("pageview"), ts(r), attrs(r)),
            r -> event("[" + q(id(r)) + "]", q("pageview"), ts(r), attrs(r)),
            r -> event(q(id(r)), null, ts(r), attrs(r)),
            r -> event(q(id(r)), q("PageView"), ts(r), attrs(r)),
            r -> event(q(id(r)), q("a".repeat(65)), ts(r), attrs(r)),
            r -> event(q(id(r)), "true", ts(r), attrs(r)),
            r -> event(q(id(r)), q("pageview"), null, attrs(r)),
            r -> event(q(id(r)), q("pageview"), q("yesterday"), attrs(r)),
            r -> event(q(id(r)), q("pageview"), q("2026-13-01T00:00:00Z"), attrs(r)),
            r -> event(q(id(r)), q("pageview"), q(Instant.now().plus(Duration.ofHours(1)).toString()), attrs(r)),
            r -> event(q(id(r)), q("pageview"), q(Instant.now().minus(Duration.ofDays(400)).toString()), attrs(r)),
            r -> event(q(id(r)), q("pageview"), "1.5", attrs(r)),
            r -> event(q(id(r)), q("pageview"), "{\"t\":1}", attrs(r)),
            r -> event(q(id(r)), q("pageview"), "99999999999999999999999", attrs(r)),
            r -> event(q(id(r)), q("pageview"), ts(r), q("url=/x")),
            r -> event(q(id(r)), q("pageview"), ts(r), "[1,2]"),
            r -> event(q(id(r)), q("pageview"), ts(r), manyAttributes(65)),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"1bad\":1}"),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"a\":null}"),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"a\":{\"b\":1}}"),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"a\":[\"b\"]}"),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"a\":" + q("x".repeat(1025)) + "}"),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"a\":1e999}"),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"a\":-99999999999999999999}"),
            r -> event(q(id(r)), q("pageview"), ts(r), "{\"a\":1,\"a\":2}"),
            r -> event(q(id(r)), q("pageview"), ts(r), attrs(r)).replace("{\"id\"", "{\"foo\":1,\"id\""),
            r -> event(q(id(r)), q("pageview"), ts(r), attrs(r)).replace("{\"id\"", "{\"ingestTime\":1,\"id\""),
            r -> event(q(id(r)), q("pageview"), ts(r), attrs(r)).replace("{\"id\"", "{\"id\":\"dup\",\"id\""));

    private HostileBodies() {
    }

    /** A body that holds no valid event. */
    static Body invalid(long seed) {
        Random random = new Random(seed);
        Kind kind = INVALID_KINDS[random.nextInt(INVALID_KINDS.length)];
        return switch (kind) {
            case TRUNCATED -> truncated(seed, random);
            case DEEP_NESTING -> json(kind, seed, deepNesting(random));
            case HUGE_NUMBER -> json(kind, seed, hugeNumber(random));
            case INVALID_EVENTS -> json(kind, seed, brokenArray(random));
            case INVALID_UTF8 -> invalidUtf8(seed, random);
            case DUPLICATE_KEYS -> json(kind, seed, duplicateKeys(random));
            case GARBAGE -> garbage(seed, random);
            case CONTROL_CHARS -> controlChars(seed, random);
            case LONG_TOKENS -> json(kind, seed, longToken(random));
            case NOT_EVENTS -> json(kind, seed, notEvents(random));
            case NDJSON_ALL_BAD -> ndjsonAllBad(seed, random);
            case MUTATED -> throw new IllegalStateException("not an invalid kind");
        };
    }

    /** A valid body with 1-5 random byte edits; it may still hold valid events. */
    static Body mutated(long seed) {
        Random random = new Random(seed);
        boolean ndjson = random.nextBoolean();
        List<String> events = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            events.add(validEvent(random));
        }
        byte[] bytes = (ndjson ? String.join("\n", events) : "[" + String.join(",", events) + "]")
                .getBytes(StandardCharsets.UTF_8);
        byte[] edited = bytes;
        String significant = "{}[]\":,\\0123456789eE.-+ tfn\n";
        for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
            int at = random.nextInt(edited.length);
            byte b = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                    : (byte) significant.charAt(random.nextInt(significant.length()));
            edited = switch (random.nextInt(3)) {
                case 0 -> replace(edited, at, b);
                case 1 -> insert(edited, at, b);
                default -> delete(edited, at);
            };
        }
        return new Body(Kind.MUTATED, seed, ndjson ? NDJSON : JSON, edited);
    }

    static String validEvent(Random random) {
        return event(q(id(random)), q("pageview"), ts(random), attrs(random));
    }

    private static Body truncated(long seed, Random random) {
        String body = random.nextBoolean() ? validEvent(random) : "[" + validEvent(random) + "," + validEvent(random) + "]";
        return json(Kind.TRUNCATED, seed, body.substring(0, random.nextInt(body.length())));
    }

    private static String deepNesting(Random random) {
        int depth = 17 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
        boolean closed = random.nextBoolean();
        return switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
            case 1 -> "{\"a\":".repeat(depth) + "1" + (closed ? "}".repeat(depth) : "");
            default -> "{\"id\":\"a\",\"type\":\"t\",\"timestamp\":1,\"attributes\":" + "{\"a\":".repeat(depth) + "1"
                    + (closed ? "}".repeat(depth + 1) : "");
        };
    }

    private static String hugeNumber(Random random) {
        String digits = "9".repeat(65 + random.nextInt(5_000));
        return switch (random.nextInt(4)) {
            case 0 -> event(q(id(random)), q("pageview"), digits, attrs(random));
            case 1 -> event(q(id(random)), q("pageview"), ts(random), "{\"n\":-" + digits + "}");
            case 2 -> event(q(id(random)), q("pageview"), "1e" + digits, attrs(random));
            default -> event(q(id(random)), q("pageview"), ts(random), "{\"n\":0." + digits + "e-99999}");
        };
    }

    private static String brokenArray(Random random) {
        List<String> events = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            events.add(BROKEN_EVENTS.get(random.nextInt(BROKEN_EVENTS.size())).apply(random));
        }
        return events.size() == 1 && random.nextBoolean() ? events.get(0) : "[" + String.join(",", events) + "]";
    }

    private static Body invalidUtf8(long seed, Random random) {
        byte[][] invalid = {{(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xC3, 'A'}, {(byte) 0xE2, (byte) 0x82}};
        String event = validEvent(random);
        int at = event.indexOf("/page") + 1; // inside the url string
        byte[] bad = invalid[random.nextInt(invalid.length)];
        byte[] head = event.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = event.substring(at).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(bad);
        out.writeBytes(tail);
        return new Body(Kind.INVALID_UTF8, seed, JSON, out.toByteArray());
    }

    private static String duplicateKeys(Random random) {
        String event = validEvent(random);
        return switch (random.nextInt(4)) {
            case 0 -> event.replace("{\"id\"", "{\"type\":\"x\",\"id\"");
            case 1 -> event.replace("\"timestamp\"", "\"timestamp\":1,\"timestamp\"");
            case 2 -> event.replace("\"attributes\":{", "\"attributes\":{},\"attributes\":{");
            default -> event.replace("\"attributes\":{", "\"attributes\":{\"url\":\"/a\",");
        };
    }

    private static Body garbage(long seed, Random random) {
        byte[] bytes = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(bytes);
        return new Body(Kind.GARBAGE, seed, random.nextBoolean() ? JSON : NDJSON, bytes);
    }

    private static Body controlChars(long seed, Random random) {
        String event = validEvent(random);
        int at = event.indexOf("/page") + 1;
        String body = event.substring(0, at) + (char) (1 + random.nextInt(8)) + event.substring(at);
        return new Body(Kind.CONTROL_CHARS, seed, random.nextBoolean() ? JSON : NDJSON,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String longToken(Random random) {
        return random.nextBoolean()
                ? event(q(id(random)), q("pageview"), ts(random), "{\"a\":" + q("x".repeat(65 * 1024)) + "}")
                : event(q(id(random)), q("pageview"), ts(random), "{" + q("k".repeat(257 + random.nextInt(500))) + ":1}");
    }

    private static String notEvents(Random random) {
        String[] bodies = {"", " ", "\n\t ", "[]", "{}", "[{}]", "null", "0", "-1.5e3", "\"event\"", "true", "[[]]",
                "[null,1,\"a\",true,[]]", "[1,2,3" + ",4".repeat(random.nextInt(12_000)) + "]", "{} {}", "[] x"};
        return bodies[random.nextInt(bodies.length)];
    }

    private static Body ndjsonAllBad(long seed, Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            String line = switch (random.nextInt(4)) {
                case 0 -> BROKEN_EVENTS.get(random.nextInt(BROKEN_EVENTS.size())).apply(random);
                case 1 -> validEvent(random).substring(0, 10);
                case 2 -> "[" + validEvent(random) + "]";
                default -> validEvent(random) + " {}";
            };
            body.append(line).append(random.nextBoolean() ? "\n" : "\r\n").append(random.nextInt(4) == 0 ? "\n" : "");
        }
        return new Body(Kind.NDJSON_ALL_BAD, seed, NDJSON, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Body json(Kind kind, long seed, String body) {
        return new Body(kind, seed, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String id, String type, String timestamp, String attributes) {
        StringBuilder event = new StringBuilder("{");
        append(event, "id", id);
        append(event, "type", type);
        append(event, "timestamp", timestamp);
        append(event, "attributes", attributes);
        return event.append('}').toString();
    }

    private static void append(StringBuilder event, String name, String value) {
        if (value != null) {
            event.append(event.length() > 1 ? "," : "").append(q(name)).append(':').append(value);
        }
    }

    private static String id(Random random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(24); i < n; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    private static String ts(Random random) {
        Instant at = Instant.now().minusSeconds(random.nextInt(86_400));
        return random.nextBoolean() ? q(at.toString()) : Long.toString(at.toEpochMilli());
    }

    private static String attrs(Random random) {
        return "{\"url\":\"/pages/" + random.nextInt(100) + "\",\"n\":" + random.nextInt() + ",\"ok\":" + random.nextBoolean()
                + ",\"d\":" + random.nextDouble() + "}";
    }

    private static String manyAttributes(int count) {
        StringBuilder attributes = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        return attributes.append('}').toString();
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static byte[] replace(byte[] bytes, int at, byte b) {
        byte[] copy = bytes.clone();
        copy[at] = b;
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte b) {
        byte[] copy = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        copy[at] = b;
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
        return copy;
    }

    private static byte[] delete(byte[] bytes, int at) {
        byte[] copy = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
        return copy;
    }
}
