package io.lambda.query.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.lambda.core.merge.Layer;
import io.lambda.query.merge.GroupsQuery;
import io.lambda.query.merge.SeriesQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** The syntax of the series and groups parameters (API.md); what depends on the view is checked later. */
final class QueryParameters {

    static final String DIMENSION_PREFIX = "dim.";
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?[0-9]{1,18}");
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM", "Z").toFormatter();

    private final MultiValueMap<String, String> parameters;

    QueryParameters(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    SeriesQuery series(String view) {
        Range range = range();
        return new SeriesQuery(view, range.from(), range.to(), single("granularity"), filters(), layer(),
                list("metrics"), q());
    }

    GroupsQuery groups(String view) {
        Range range = range();
        return new GroupsQuery(view, range.from(), range.to(), single("by"), single("metric"), limit(), filters(),
                layer(), list("metrics"), q());
    }

    private record Range(Instant from, Instant to) {
    }

    private Range range() {
        Instant from = time("from");
        Instant to = time("to");
        if (!from.isBefore(to)) {
            throw QueryProblem.invalidParameter("from", "from (" + from + ") must be before to (" + to
                    + "); to is exclusive");
        }
        return new Range(from, to);
    }

    private Instant time(String name) {
        String text = single(name);
        if (text == null || text.isBlank()) {
            throw QueryProblem.invalidParameter(name, name + " is required (RFC 3339 or epoch milliseconds)");
        }
        if (EPOCH_MILLIS.matcher(text).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw QueryProblem.invalidParameter(name, name + " '" + text
                    + "' is neither an RFC 3339 time (2026-11-24T10:00:00Z) nor epoch milliseconds");
        }
    }

    private Layer layer() {
        String text = single("layer");
        if (text == null) {
            return Layer.MERGED;
        }
        try {
            return Layer.parse(text);
        } catch (IllegalArgumentException e) {
            throw QueryProblem.invalidParameter("layer", e.getMessage()).with("valid", List.of("merged", "batch",
                    "speed"));
        }
    }

    private double q() {
        String text = single("q");
        if (text == null) {
            return 0.5;
        }
        double q;
        try {
            q = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw QueryProblem.invalidParameter("q", "q '" + text + "' is not a number in [0, 1]");
        }
        if (!(q >= 0 && q <= 1)) {
            throw QueryProblem.invalidParameter("q", "q " + text + " is outside [0, 1]");
        }
        return q;
    }

    private int limit() {
        String text = single("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw QueryProblem.invalidParameter("limit", "limit '" + text + "' is not an integer in [1, "
                    + MAX_LIMIT + "]");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw QueryProblem.invalidParameter("limit", "limit " + limit + " is outside [1, " + MAX_LIMIT + "]");
        }
        return limit;
    }

    private Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith(DIMENSION_PREFIX)) {
                return;
            }
            String dimension = name.substring(DIMENSION_PREFIX.length());
            if (dimension.isEmpty()) {
                throw QueryProblem.invalidParameter(name, "a filter names its dimension: dim.<dimension>=<value>");
            }
            if (values.size() != 1) {
                throw QueryProblem.invalidParameter(name, name + " is given " + values.size()
                        + " times; a dimension takes one value");
            }
            filters.put(dimension, values.get(0));
        });
        return filters;
    }

    private @Nullable List<String> list(String name) {
        String text = single(name);
        if (text == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw QueryProblem.invalidParameter(name, name + " '" + text + "' holds an empty name");
            }
            if (!items.contains(trimmed)) {
                items.add(trimmed);
            }
        }
        return items;
    }

    private @Nullable String single(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw QueryProblem.invalidParameter(name, name + " is given " + values.size() + " times");
        }
        return values.get(0);
    }
}
