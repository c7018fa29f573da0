package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lambda.core.event.Event;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.view.ViewDefinition;
import tools.jackson.databind.JsonNode;

/**
 * The answer computed directly from events, and the check of an answer's metrics against it: exact for count, sum,
 * min, max and avg; within the sketch's error for distinct (5 %), quantiles (rank within 0.05) and top (exact while
 * the sketch holds every value, as here).
 */
final class Expected {

    private Expected() {
    }

    static void assertMetrics(ViewDefinition view, List<Event> events, JsonNode metrics, double q, String context) {
        for (MetricSpec spec : view.metrics()) {
            JsonNode actual = metrics.get(spec.name());
            assertThat(metrics.has(spec.name())).as(context + " has " + spec.name()).isTrue();
            List<Double> numbers = new ArrayList<>();
            for (Event event : events) {
                if (spec.field() != null && event.attributes().get(spec.field()) instanceof Number number) {
                    numbers.add(number.doubleValue());
                }
            }
            String what = context + " " + spec.name();
            switch (spec.kind()) {
                case COUNT -> assertThat(actual.asLong()).as(what).isEqualTo(events.size());
                case SUM -> assertThat(actual.asDouble()).as(what)
                        .isEqualTo(numbers.stream().mapToDouble(Double::doubleValue).sum());
                case MIN -> assertNullableNumber(actual, numbers.stream().mapToDouble(Double::doubleValue).min()
                        .stream().boxed().findFirst().orElse(null), what);
                case MAX -> assertNullableNumber(actual, numbers.stream().mapToDouble(Double::doubleValue).max()
                        .stream().boxed().findFirst().orElse(null), what);
                case AVG -> {
                    if (numbers.isEmpty()) {
                        assertThat(actual.isNull()).as(what + " null").isTrue();
                    } else {
                        assertThat(actual.asDouble()).as(what).isCloseTo(
                                numbers.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
                    }
                }
                case DISTINCT -> {
                    Set<String> values = new HashSet<>();
                    events.forEach(e -> {
                        Object value = e.attributes().get(spec.field());
                        if (value != null) {
                            values.add(String.valueOf(value));
                        }
                    });
                    assertThat(actual.asDouble()).as(what).isCloseTo(values.size(),
                            within(Math.max(1.0, values.size() * 0.05)));
                }
                case QUANTILES -> {
                    if (numbers.isEmpty()) {
                        assertThat(actual.isNull()).as(what + " null").isTrue();
                    } else {
                        double value = actual.asDouble();
                        long below = numbers.stream().filter(n -> n < value).count();
                        long atOrBelow = numbers.stream().filter(n -> n <= value).count();
                        assertThat(q).as(what + " rank of " + value).isBetween(
                                (double) below / numbers.size() - 0.05, (double) atOrBelow / numbers.size() + 0.05);
                    }
                }
                case TOP -> {
                    Map<String, Long> counts = new HashMap<>();
                    events.forEach(e -> {
                        Object value = e.attributes().get(spec.field());
                        if (value != null) {
                            counts.merge(String.valueOf(value), 1L, Long::sum);
                        }
                    });
                    assertThat(actual.isArray()).as(what + " is a list").isTrue();
                    assertThat(actual.size()).as(what + " size").isEqualTo(Math.min(10, counts.size()));
                    long previous = Long.MAX_VALUE;
                    for (JsonNode entry : actual) {
                        long count = entry.get("count").asLong();
                        assertThat(count).as(what + " " + entry).isEqualTo(counts.get(entry.get("value").asString()));
                        assertThat(count).as(what + " largest first").isLessThanOrEqualTo(previous);
                        previous = count;
                    }
                }
            }
        }
    }

    private static void assertNullableNumber(JsonNode actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual.isNull()).as(what + " null, got " + actual).isTrue();
        } else {
            assertThat(actual.asDouble()).as(what).isEqualTo(expected);
        }
    }
}
