package io.lambda.bench;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.lambda.core.event.Event;

/**
 * Seeded events for the example views of {@code config/views.yml}: 70 % page views ({@code url}, {@code userId},
 * {@code durationMs}, {@code country}, plus device and referrer), 25 % clicks ({@code button}, {@code price}) and 5 %
 * sign-ups ({@code plan}, {@code country}, {@code userId}); values skewed (log-uniform) as in real traffic. Event
 * times trail the send time as they do in a live stream: 95 % by up to 5 s, 4 % by up to 5 minutes and 1 % by up to an
 * hour (late events, which the speed layer keeps in their event-time bucket). Every id is new.
 */
final class SpeedBenchmarkEvents {

    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "BR", "JP", "CA", "NL", "ES", "IT",
            "SE", "PL", "MX", "AU"};
    private static final String[] SECTIONS = {"products", "category", "blog", "help", "search", "checkout"};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
    private static final String[] REFERRERS = {"https://www.google.com/", "https://www.bing.com/",
            "https://news.ycombinator.com/", "https://t.co/", "direct"};
    private static final String[] PLANS = {"free", "free", "free", "pro", "team"};
    private static final HexFormat HEX = HexFormat.of();

    private final SplittableRandom random;
    private final String idPrefix;
    private long next;

    SpeedBenchmarkEvents(long seed, String idPrefix) {
        this.random = new SplittableRandom(seed);
        this.idPrefix = idPrefix;
    }

    /** The next event, its time trailing {@code now}. */
    Event next(Instant now) {
        String id = idPrefix + HEX.toHexDigits(next++) + "-" + HEX.toHexDigits(random.nextInt());
        Instant timestamp = now.minusMillis(lateness());
        Map<String, Object> attributes = new LinkedHashMap<>();
        int kind = random.nextInt(100);
        String type;
        if (kind < 70) {
            type = "pageview";
            attributes.put("url", "https://shop.example.com/" + pick(SECTIONS) + "/" + skewed(2_000));
            attributes.put("userId", "user-" + skewed(200_000));
            attributes.put("durationMs", 20L + skewed(120_000));
            attributes.put("country", COUNTRIES[(int) skewed(COUNTRIES.length)]);
            attributes.put("device", pick(DEVICES));
            attributes.put("referrer", pick(REFERRERS));
        } else if (kind < 95) {
            type = "click";
            attributes.put("button", "btn-" + skewed(50));
            attributes.put("price", (100 + random.nextInt(20_000)) / 100.0);
            attributes.put("userId", "user-" + skewed(200_000));
        } else {
            type = "signup";
            attributes.put("plan", pick(PLANS));
            attributes.put("country", COUNTRIES[(int) skewed(COUNTRIES.length)]);
            attributes.put("userId", "user-" + skewed(200_000));
        }
        return Event.of(id, type, timestamp, attributes);
    }

    private long lateness() {
        int p = random.nextInt(100);
        if (p < 95) {
            return random.nextLong(5_000);
        }
        return p < 99 ? random.nextLong(300_000) : random.nextLong(3_600_000);
    }

    /** 0 .. bound-1, log-uniform: small values are much more frequent (roughly Zipf with s = 1). */
    private long skewed(int bound) {
        return Math.min(bound - 1, (long) Math.pow(bound + 1, random.nextDouble()) - 1);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
