package io.lambda.core.view;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.lambda.core.time.Granularity;
import org.jspecify.annotations.Nullable;

/**
 * The validation rules of a view definition, shared by {@link ViewDefinition}'s constructor and the YAML
 * loader. Every check appends messages of the form {@code view '<name>': <problem>} and never stops early,
 * so a user sees all problems at once.
 */
final class ViewRules {

    static final Pattern VIEW_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /** The event type rule of DESIGN.md section 4. */
    static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    /** The attribute key rule of DESIGN.md section 4; used for dimensions, where keys and metric fields. */
    static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private ViewRules() {
    }

    static String label(String viewName) {
        return "view '" + viewName + "'";
    }

    /**
     * Checks a whole definition. {@code granularities} or {@code metrics} may be null when the loader has
     * already reported why they could not be read.
     */
    static void validate(String label, String name, String eventType, Map<String, String> where,
            List<String> dimensions, @Nullable List<Granularity> granularities, @Nullable List<MetricDraft> metrics,
            List<String> errors) {
        checkName(label, name, errors);
        checkEventType(label, eventType, errors);
        checkWhere(label, where, errors);
        checkDimensions(label, dimensions, errors);
        if (granularities != null && granularities.isEmpty()) {
            errors.add(label + ": granularities must not be empty");
        }
        if (metrics != null) {
            checkMetrics(label, metrics, errors);
        }
    }

    static void checkName(String label, String name, List<String> errors) {
        if (!VIEW_NAME.matcher(name).matches()) {
            errors.add(label + ": name must match " + VIEW_NAME);
        }
    }

    static void checkEventType(String label, String eventType, List<String> errors) {
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            errors.add(label + ": event-type '" + eventType + "' must match " + EVENT_TYPE);
        }
    }

    static void checkWhere(String label, Map<String, String> where, List<String> errors) {
        for (String key : where.keySet()) {
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                errors.add(label + ": where key '" + key + "' must match " + ATTRIBUTE_KEY);
            }
        }
    }

    static void checkDimensions(String label, List<String> dimensions, List<String> errors) {
        if (dimensions.size() > ViewDefinition.MAX_DIMENSIONS) {
            errors.add(label + ": dimensions has " + dimensions.size() + " entries, at most "
                    + ViewDefinition.MAX_DIMENSIONS + " allowed");
        }
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String dimension : dimensions) {
            if (!ATTRIBUTE_KEY.matcher(dimension).matches()) {
                errors.add(label + ": dimension '" + dimension + "' must match " + ATTRIBUTE_KEY);
            }
            if (!seen.add(dimension) && reported.add(dimension)) {
                errors.add(label + ": dimension '" + dimension + "' is listed twice");
            }
        }
    }

    static void checkMetrics(String label, List<MetricDraft> metrics, List<String> errors) {
        if (metrics.isEmpty()) {
            errors.add(label + ": metrics must not be empty");
        }
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (MetricDraft metric : metrics) {
            String name = metric.name();
            if (!METRIC_NAME.matcher(name).matches()) {
                errors.add(label + ": metric name '" + name + "' must match " + METRIC_NAME);
            }
            if (!seen.add(name) && reported.add(name)) {
                errors.add(label + ": metric '" + name + "' is defined twice");
            }
            checkField(label, metric, errors);
        }
    }

    private static void checkField(String label, MetricDraft metric, List<String> errors) {
        if (metric.kind() == null) {
            return;
        }
        String kind = metric.kind().name().toLowerCase(Locale.ROOT);
        String field = metric.field();
        if (metric.kind().needsField() && field == null) {
            errors.add(label + ": metric '" + metric.name() + "' of kind " + kind + " needs a field: "
                    + kind + "(<attribute>)");
        } else if (!metric.kind().needsField() && field != null) {
            errors.add(label + ": metric '" + metric.name() + "' of kind " + kind + " takes no field, got "
                    + kind + "(" + field + ")");
        } else if (field != null && !ATTRIBUTE_KEY.matcher(field).matches()) {
            errors.add(label + ": metric '" + metric.name() + "' field '" + field + "' must match " + ATTRIBUTE_KEY);
        }
    }
}
