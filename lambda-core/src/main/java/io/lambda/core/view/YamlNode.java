package io.lambda.core.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A minimal YAML tree that, unlike Jackson's {@code JsonNode}, keeps repeated keys, so the loader can
 * report {@code metric 'views' is defined twice} instead of silently keeping the last one. Scalars keep the
 * text as written ({@code NO} stays {@code NO}; YAML 1.2 has no yes/no booleans).
 */
sealed interface YamlNode {

    record Scalar(String text) implements YamlNode {
    }

    record Null() implements YamlNode {
    }

    record Sequence(List<YamlNode> items) implements YamlNode {
    }

    /** Entries in document order, repeated keys included. */
    record Mapping(List<Map.Entry<String, YamlNode>> entries) implements YamlNode {
    }

    /**
     * Reads a whole document; an empty document is {@link Null}.
     *
     * @throws JacksonException when the text is not valid YAML
     */
    static YamlNode read(YAMLMapper mapper, String yaml) {
        try (JsonParser parser = mapper.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            return first == null ? new Null() : readValue(parser, first);
        }
    }

    private static YamlNode readValue(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT -> {
                List<Map.Entry<String, YamlNode>> entries = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    entries.add(Map.entry(key, readValue(parser, parser.nextToken())));
                }
                return new Mapping(List.copyOf(entries));
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(readValue(parser, t));
                }
                return new Sequence(List.copyOf(items));
            }
            case VALUE_NULL -> {
                return new Null();
            }
            default -> {
                return new Scalar(parser.getString());
            }
        }
    }
}
