package io.lambda.core.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.lambda.core.event.Event;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewCatalogLoader;

/** Random events for the views of {@code views.yml} (the test resource) plus a three-dimension view. */
public final class FoldFixtures {

    public static final Instant START = Instant.parse("2026-11-24T09:58:00Z");

    private static final String THREE_DIMENSIONS = """
            views:
              - name: clicks
                event-type: click
                where: {page: home}
                dimensions: [button, country, plan]
                granularities: [minute, hour]
                metrics:
                  clicks: count
                  spent: sum(price)
                  cheapest: min(price)
                  dearest: max(price)
                  mean: avg(price)
                  users: distinct(userId)
                  median: quantiles(price)
                  plans: top(plan)
            """;

    private FoldFixtures() {
    }

    /** The test views: pageviews (1 dimension), premium-payments (2, with filters), signups (0), clicks (3). */
    public static ViewCatalog catalog() {
        List<io.lambda.core.view.ViewDefinition> views = new ArrayList<>(ViewCatalogLoader.load("classpath:views.yml")
                .views());
        views.addAll(ViewCatalogLoader.parse(THREE_DIMENSIONS, "test").views());
        return new ViewCatalog(views);
    }

    /**
     * {@code count} random events of every type the views count (and some they don't), event times within two hours
     * of {@link #START}, some attributes missing; each with an ingest time between 0 and 3 hours after START, some
     * much later than its event time (late events).
     */
    public static List<Event> events(long seed, int count) {
        Random random = new Random(seed);
        String[] types = {"pageview", "payment", "signup", "click", "other"};
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = types[random.nextInt(types.length)];
            Map<String, Object> attributes = new HashMap<>();
            maybe(random, attributes, "url", "/p" + random.nextInt(4));
            maybe(random, attributes, "userId", "u" + random.nextInt(30));
            maybe(random, attributes, "durationMs", (long) random.nextInt(10_000));
            maybe(random, attributes, "country", new String[] {"DE", "FR", "US", "a|b"}[random.nextInt(4)]);
            maybe(random, attributes, "amount", random.nextInt(3) == 0 ? random.nextDouble() * 100 : (long) random.nextInt(100));
            maybe(random, attributes, "plan", "plan" + random.nextInt(3));
            maybe(random, attributes, "button", "b" + random.nextInt(3));
            maybe(random, attributes, "price", random.nextDouble() * 50);
            attributes.put("premium", random.nextInt(4) != 0);
            attributes.put("currency", random.nextInt(4) != 0 ? "EUR" : "USD");
            attributes.put("page", random.nextInt(5) != 0 ? "home" : "other");
            Instant eventTime = START.plusMillis(random.nextInt(2 * 3600 * 1000));
            Instant ingestTime = random.nextInt(10) == 0 ? eventTime.plusSeconds(3600 + random.nextInt(3600))
                    : eventTime.plusMillis(random.nextInt(60_000));
            events.add(new Event("e" + i, type, eventTime, attributes, ingestTime));
        }
        return events;
    }

    private static void maybe(Random random, Map<String, Object> attributes, String key, Object value) {
        if (random.nextInt(6) != 0) {
            attributes.put(key, value);
        }
    }
}
