package io.lambda.local.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties Spring Boot and the libraries on this test's classpath document in
 * {@code META-INF/spring-configuration-metadata.json} (name and type), to check that a {@code SPRING_*} or
 * {@code MANAGEMENT_*} environment variable names a real property. The classpath is lambda-local's test classpath,
 * the union of every service's: a property of, say, Spring Batch is accepted for every service, not only for the
 * one that has Spring Batch.
 */
final class SpringBootMetadata {

    private static final String LOCATION = "META-INF/spring-configuration-metadata.json";

    /** Property name to its Java type. */
    private final Map<String, String> properties;

    private SpringBootMetadata(Map<String, String> properties) {
        this.properties = properties;
    }

    static SpringBootMetadata load() {
        Map<String, String> properties = new TreeMap<>();
        JsonMapper mapper = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(SpringBootMetadata.class.getClassLoader().getResources(LOCATION))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : mapper.readTree(in).path("properties")) {
                        properties.put(property.path("name").asString(), property.path("type").asString(""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + LOCATION, e);
        }
        return new SpringBootMetadata(properties);
    }

    int size() {
        return properties.size();
    }

    /** The documented properties {@code variable} binds to (a map property also takes its keys). */
    List<String> bind(String variable) {
        List<String> tokens = List.of(variable.toUpperCase(Locale.ROOT).split("_"));
        List<String> found = new ArrayList<>();
        properties.forEach((name, type) -> {
            List<Integer> ends = List.of(0);
            for (String element : name.split("\\.")) {
                ends = ends.stream().flatMap(start -> PropertyTree.elementEnds(element, tokens, start).stream()).toList();
            }
            for (int end : ends) {
                List<String> rest = tokens.subList(end, tokens.size());
                boolean map = type.startsWith("java.util.Map");
                boolean list = type.startsWith("java.util.List") || type.startsWith("java.util.Set") || type.endsWith("[]");
                if (rest.isEmpty()
                        || map
                        || list && rest.size() == 1 && rest.get(0).chars().allMatch(Character::isDigit)) {
                    found.add(name + (rest.isEmpty() ? "" : "." + String.join(".", rest).toLowerCase(Locale.ROOT)));
                }
            }
        });
        return found;
    }
}
