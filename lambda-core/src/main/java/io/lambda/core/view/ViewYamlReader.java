package io.lambda.core.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.YamlNode.Mapping;
import io.lambda.core.view.YamlNode.Null;
import io.lambda.core.view.YamlNode.Scalar;
import io.lambda.core.view.YamlNode.Sequence;
import org.jspecify.annotations.Nullable;

/** Reads one entry of the {@code views} list, appending every problem to a shared error list. */
final class ViewYamlReader {

    private static final List<String> FIELDS = List.of("name", "description", "event-type", "where", "dimensions",
            "granularities", "metrics");

    private final List<String> errors;
    private final Map<String, YamlNode> fields = new LinkedHashMap<>();
    private final @Nullable String name;
    private final String label;
    private final boolean isMap;
    private final boolean headerValid;

    ViewYamlReader(int index, YamlNode node, List<String> errors) {
        this.errors = errors;
        int errorsBefore = errors.size();
        this.isMap = node instanceof Mapping;
        String position = "views[" + index + "]";
        if (!(node instanceof Mapping mapping)) {
            errors.add(position + " must be a map");
            this.name = null;
            this.label = position;
            this.headerValid = false;
            return;
        }
        YamlNode nameNode = mapping.entries().stream().filter(e -> e.getKey().equals("name"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        this.name = nameNode instanceof Scalar scalar ? scalar.text() : null;
        this.label = name != null ? ViewRules.label(name) : position;
        for (Map.Entry<String, YamlNode> entry : mapping.entries()) {
            if (!FIELDS.contains(entry.getKey())) {
                errors.add(label + ": unknown field '" + entry.getKey() + "'");
            } else if (fields.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                errors.add(label + ": field '" + entry.getKey() + "' is given twice");
            }
        }
        if (nameNode == null) {
            errors.add(label + ": missing required field 'name'");
        } else if (name == null) {
            errors.add(label + ": name must be a string");
        }
        this.headerValid = errors.size() == errorsBefore;
    }

    /** The view's name if it has one, for duplicate detection. */
    @Nullable String name() {
        return name;
    }

    /** The view, or null when it has problems (all of them appended to the error list). */
    @Nullable ViewDefinition read() {
        if (!isMap) {
            return null;
        }
        int errorsBefore = errors.size();
        String description = optionalString("description");
        String eventType = requiredString("event-type");
        Map<String, String> where = where();
        List<String> dimensions = dimensions();
        List<Granularity> granularities = granularities();
        List<MetricDraft> metrics = MetricsYaml.read(label, fields.get("metrics"), errors);
        if (name != null) {
            ViewRules.checkName(label, name, errors);
        }
        if (eventType != null) {
            ViewRules.checkEventType(label, eventType, errors);
        }
        ViewRules.checkWhere(label, where, errors);
        ViewRules.checkDimensions(label, dimensions, errors);
        if (metrics != null) {
            ViewRules.checkMetrics(label, metrics, errors);
        }
        if (!headerValid || errors.size() > errorsBefore || name == null || eventType == null || granularities == null
                || metrics == null) {
            return null;
        }
        try {
            List<MetricSpec> specs = metrics.stream()
                    .map(MetricDraft::toSpec).toList();
            return ViewDefinition.of(name, description, eventType, where, dimensions, granularities, specs);
        } catch (ViewDefinitionException e) {
            errors.addAll(e.errors());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(label + ": " + e.getMessage());
        }
        return null;
    }

    private String optionalString(String field) {
        YamlNode node = fields.get(field);
        if (node == null || node instanceof Null) {
            return "";
        }
        if (node instanceof Scalar scalar) {
            return scalar.text();
        }
        errors.add(label + ": " + field + " must be a string");
        return "";
    }

    private @Nullable String requiredString(String field) {
        YamlNode node = fields.get(field);
        if (node == null || node instanceof Null) {
            errors.add(label + ": missing required field '" + field + "'");
            return null;
        }
        if (node instanceof Scalar scalar) {
            return scalar.text();
        }
        errors.add(label + ": " + field + " must be a string");
        return null;
    }

    private Map<String, String> where() {
        YamlNode node = fields.get("where");
        Map<String, String> where = new LinkedHashMap<>();
        if (node == null || node instanceof Null) {
            return where;
        }
        if (!(node instanceof Mapping mapping)) {
            errors.add(label + ": where must be a map of attribute: value");
            return where;
        }
        Set<String> duplicates = new HashSet<>();
        for (Map.Entry<String, YamlNode> entry : mapping.entries()) {
            String key = entry.getKey();
            if (where.containsKey(key)) {
                if (duplicates.add(key)) {
                    errors.add(label + ": where key '" + key + "' is given twice");
                }
            } else if (entry.getValue() instanceof Scalar scalar) {
                where.put(key, scalar.text());
            } else {
                errors.add(label + ": where '" + key + "' must be a string, number or boolean");
            }
        }
        return where;
    }

    private List<String> dimensions() {
        YamlNode node = fields.get("dimensions");
        List<String> dimensions = new ArrayList<>();
        if (node == null || node instanceof Null) {
            return dimensions;
        }
        if (!(node instanceof Sequence sequence)) {
            errors.add(label + ": dimensions must be a list");
            return dimensions;
        }
        for (int i = 0; i < sequence.items().size(); i++) {
            if (sequence.items().get(i) instanceof Scalar scalar) {
                dimensions.add(scalar.text());
            } else {
                errors.add(label + ": dimensions[" + i + "] must be a string");
            }
        }
        return dimensions;
    }

    private @Nullable List<Granularity> granularities() {
        YamlNode node = fields.get("granularities");
        if (node == null) {
            errors.add(label + ": missing required field 'granularities'");
            return null;
        }
        if (node instanceof Null || node instanceof Sequence s && s.items().isEmpty()) {
            errors.add(label + ": granularities must not be empty");
            return null;
        }
        if (!(node instanceof Sequence sequence)) {
            errors.add(label + ": granularities must be a list");
            return null;
        }
        List<Granularity> granularities = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            if (!(sequence.items().get(i) instanceof Scalar scalar)) {
                errors.add(label + ": granularities[" + i + "] must be a string");
                continue;
            }
            try {
                granularities.add(Granularity.parse(scalar.text()));
            } catch (IllegalArgumentException e) {
                errors.add(label + ": " + e.getMessage());
            }
        }
        return granularities.size() == sequence.items().size() ? granularities : null;
    }
}
