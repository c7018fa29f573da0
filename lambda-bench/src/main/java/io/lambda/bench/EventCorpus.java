package io.lambda.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.lambda.core.event.Event;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic, seeded web-analytics events (about 300 bytes of JSON each): page views, clicks, purchases and
 * sign-ups with string, integral, fractional and boolean attributes. The same seed gives the same events and bytes.
 * Popular values are skewed (log-uniform), so users, pages and countries repeat as in real traffic.
 *
 * @param rows the events as JSON-ready maps in document order; timestamps are RFC 3339 strings
 * @param events the same events as {@link Event}s
 */
record EventCorpus(List<Map<String, Object>> rows, List<Event> events) {

    private static final String[] TYPES = {"pageview", "pageview", "pageview", "pageview", "pageview", "pageview",
            "click", "click", "click", "purchase", "signup"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "BR", "JP", "CA", "NL", "ES", "IT",
            "SE", "PL", "MX", "AU"};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
    private static final String[] SECTIONS = {"products", "category", "blog", "help", "search", "checkout"};
    private static final String[] REFERRERS = {"https://www.google.com/", "https://www.bing.com/",
            "https://news.ycombinator.com/", "https://t.co/", "direct"};
    private static final ZoneOffset CET = ZoneOffset.ofHours(1);
    /** Always prints seconds, unlike {@code OffsetDateTime.toString()}. */
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final HexFormat HEX = HexFormat.of();

    EventCorpus {
        rows = List.copyOf(rows);
        events = List.copyOf(events);
    }

    /**
     * {@code count} events with timestamps in the hour before {@code now}; one in ten carries a {@code +01:00}
     * offset instead of {@code Z}.
     */
    static EventCorpus generate(long seed, int count, Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, Object>> rows = new ArrayList<>(count);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = pick(random, TYPES);
            Instant timestamp = now.minusMillis(random.nextLong(3_600_000L));
            Map<String, Object> attributes = attributes(random, type);
            String id = "evt-" + HEX.toHexDigits(random.nextLong());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("type", type);
            row.put("timestamp", i % 10 == 0 ? OFFSET_TIME.format(timestamp.atOffset(CET)) : timestamp.toString());
            row.put("attributes", attributes);
            rows.add(row);
            events.add(Event.of(id, type, timestamp, attributes));
        }
        return new EventCorpus(rows, events);
    }

    /** The events as one JSON array, the body of a batch ingest request. */
    byte[] jsonArray() {
        return JsonMapper.builder().build().writeValueAsBytes(rows);
    }

    private static Map<String, Object> attributes(SplittableRandom random, String type) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("url", "https://shop.example.com/" + pick(random, SECTIONS) + "/" + skewed(random, 5_000));
        attributes.put("userId", "user-" + String.format("%06d", skewed(random, 200_000)));
        attributes.put("sessionId", "s-" + HEX.toHexDigits(random.nextInt()));
        attributes.put("country", COUNTRIES[(int) skewed(random, COUNTRIES.length)]);
        attributes.put("device", pick(random, DEVICES));
        attributes.put("referrer", pick(random, REFERRERS));
        attributes.put("durationMs", 20L + skewed(random, 120_000));
        attributes.put("scrollDepth", random.nextInt(101) / 100.0);
        attributes.put("loggedIn", random.nextInt(3) == 0);
        if (type.equals("purchase")) {
            attributes.put("amount", (100 + random.nextInt(50_000)) / 100.0);
            attributes.put("currency", "EUR");
        }
        return attributes;
    }

    /** 0 .. bound-1, log-uniform: small values are much more frequent (roughly Zipf with s = 1). */
    private static long skewed(SplittableRandom random, int bound) {
        return Math.min(bound - 1, (long) Math.pow(bound + 1, random.nextDouble()) - 1);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
