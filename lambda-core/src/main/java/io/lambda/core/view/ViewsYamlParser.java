package io.lambda.core.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.lambda.core.view.YamlNode.Mapping;
import io.lambda.core.view.YamlNode.Null;
import io.lambda.core.view.YamlNode.Scalar;
import io.lambda.core.view.YamlNode.Sequence;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code views.yml} (DESIGN.md section 6) into a {@link ViewCatalog}, collecting every problem of
 * every view before failing. The per-view fields are read by {@link ViewYamlReader}.
 */
final class ViewsYamlParser {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ViewsYamlParser() {
    }

    /**
     * @param source where the text came from, for the exception message
     * @throws ViewDefinitionException listing every problem
     */
    static ViewCatalog parse(String yaml, String source) {
        String context = "invalid view definitions in " + source;
        YamlNode root;
        try {
            root = YamlNode.read(YAML, yaml);
        } catch (JacksonException e) {
            throw new ViewDefinitionException(context, List.of(syntaxError(e)));
        }
        List<String> errors = new ArrayList<>();
        List<ViewDefinition> views = new ArrayList<>();
        YamlNode viewsNode = readRoot(root, errors);
        if (viewsNode instanceof Sequence sequence) {
            Set<String> names = new HashSet<>();
            Set<String> reported = new HashSet<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                ViewYamlReader reader = new ViewYamlReader(i, sequence.items().get(i), errors);
                String name = reader.name();
                if (name != null && !names.add(name) && reported.add(name)) {
                    errors.add(ViewCatalog.duplicateName(name));
                }
                ViewDefinition view = reader.read();
                if (view != null) {
                    views.add(view);
                }
            }
        } else if (viewsNode != null) {
            errors.add("views must be a list");
        }
        if (!errors.isEmpty()) {
            throw new ViewDefinitionException(context, errors);
        }
        return new ViewCatalog(views);
    }

    private static @Nullable YamlNode readRoot(YamlNode root, List<String> errors) {
        if (root instanceof Null) {
            errors.add("missing top-level field 'views'");
            return null;
        }
        if (!(root instanceof Mapping mapping)) {
            errors.add("the document must be a map with a top-level field 'views'");
            return null;
        }
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : mapping.entries()) {
            if (!entry.getKey().equals("views")) {
                errors.add("unknown top-level field '" + entry.getKey() + "'");
            } else if (fields.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                errors.add("top-level field 'views' is given twice");
            }
        }
        YamlNode views = fields.get("views");
        if (views == null) {
            errors.add("missing top-level field 'views'");
        }
        return views instanceof Null ? new Sequence(List.of()) : views;
    }

    private static String syntaxError(JacksonException e) {
        String what = e.getOriginalMessage().lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
        return e.getLocation() == null ? "not valid YAML: " + what
                : "not valid YAML at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ": " + what;
    }
}
