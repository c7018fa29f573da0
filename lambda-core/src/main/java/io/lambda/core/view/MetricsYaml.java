package io.lambda.core.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.lambda.core.metric.MetricKind;
import io.lambda.core.view.YamlNode.Mapping;
import io.lambda.core.view.YamlNode.Null;
import io.lambda.core.view.YamlNode.Scalar;
import org.jspecify.annotations.Nullable;

/** Reads a view's {@code metrics} map: {@code name: kind} or {@code name: kind(field)}, in the order written. */
final class MetricsYaml {

    private MetricsYaml() {
    }

    /**
     * Reads the {@code metrics} map; null when it is missing or not a map (reported). Metrics whose spec
     * can't be parsed are returned without a kind, so name rules still apply to them.
     */
    static @Nullable List<MetricDraft> read(String label, @Nullable YamlNode node, List<String> errors) {
        if (node == null) {
            errors.add(label + ": missing required field 'metrics'");
            return null;
        }
        if (node instanceof Null) {
            return List.of();
        }
        if (!(node instanceof Mapping mapping)) {
            errors.add(label + ": metrics must be a map of name: kind or name: kind(field)");
            return null;
        }
        List<MetricDraft> metrics = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (Map.Entry<String, YamlNode> entry : mapping.entries()) {
            String metric = entry.getKey();
            if (!names.add(metric)) {
                if (reported.add(metric)) {
                    errors.add(label + ": metric '" + metric + "' is defined twice");
                }
            } else if (entry.getValue() instanceof Scalar scalar) {
                metrics.add(parse(label, metric, scalar.text(), errors));
            } else {
                errors.add(label + ": metric '" + metric + "' must be a string like count or sum(field)");
                metrics.add(new MetricDraft(metric, null, null));
            }
        }
        return metrics;
    }

    /** Parses {@code kind} or {@code kind(field)}; reports a problem and returns a draft without kind if needed. */
    private static MetricDraft parse(String label, String metric, String text, List<String> errors) {
        String spec = text.strip();
        int open = spec.indexOf('(');
        String kindText = open < 0 ? spec : spec.substring(0, open).strip();
        String field = null;
        if (open >= 0) {
            int close = spec.indexOf(')');
            if (close != spec.length() - 1 || spec.indexOf('(', open + 1) >= 0 || kindText.isEmpty()) {
                errors.add(label + ": metric '" + metric + "' has invalid spec '" + text
                        + "' (expected kind or kind(field))");
                return new MetricDraft(metric, null, null);
            }
            String inner = spec.substring(open + 1, close).strip();
            field = inner.isEmpty() ? null : inner;
        }
        for (MetricKind kind : MetricKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(kindText)) {
                return new MetricDraft(metric, kind, field);
            }
        }
        errors.add(label + ": metric '" + metric + "' has unknown kind '" + kindText + "'");
        return new MetricDraft(metric, null, null);
    }
}
