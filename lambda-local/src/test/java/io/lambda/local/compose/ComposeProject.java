package io.lambda.local.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The services of one or more compose files as {@code docker compose -f a.yml -f b.yml} sees them: later files
 * merged into earlier ones, {@code extends} resolved, YAML anchors and merge keys expanded (SnakeYAML). Only what the
 * consistency checks read: each service's build arguments, environment and healthcheck.
 */
final class ComposeProject {

    private final Map<String, ComposeService> services;

    private ComposeProject(Map<String, ComposeService> services) {
        this.services = services;
    }

    /** Loads {@code files} in order, each later one overriding the earlier ones. */
    static ComposeProject load(List<Path> files) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path file : files) {
            Map<String, Object> services = mapOf(read(file).get("services"));
            for (Map.Entry<String, Object> entry : services.entrySet()) {
                Map<String, Object> service = resolveExtends(file, entry.getKey(), mapOf(entry.getValue()), 0);
                merged.merge(entry.getKey(), service, (earlier, later) -> deepMerge(mapOf(earlier), mapOf(later)));
            }
        }
        Map<String, ComposeService> services = new LinkedHashMap<>();
        merged.forEach((name, definition) -> services.put(name, ComposeService.of(name, mapOf(definition))));
        return new ComposeProject(services);
    }

    Map<String, ComposeService> services() {
        return services;
    }

    private static Map<String, Object> resolveExtends(Path file, String name, Map<String, Object> service, int depth) {
        Object extendsClause = service.get("extends");
        if (extendsClause == null) {
            return service;
        }
        if (depth > 10) {
            throw new IllegalStateException("extends nested too deeply at service " + name + " in " + file);
        }
        Map<String, Object> clause = extendsClause instanceof String base ? Map.of("service", base) : mapOf(extendsClause);
        Path baseFile = clause.containsKey("file") ? file.resolveSibling(clause.get("file").toString()) : file;
        String baseName = Objects.toString(clause.get("service"));
        Object baseDefinition = mapOf(read(baseFile).get("services")).get(baseName);
        if (baseDefinition == null) {
            throw new IllegalStateException(name + " in " + file + " extends " + baseName + ", which " + baseFile
                    + " does not define");
        }
        Map<String, Object> base = resolveExtends(baseFile, baseName, mapOf(baseDefinition), depth + 1);
        Map<String, Object> own = new LinkedHashMap<>(service);
        own.remove("extends");
        return deepMerge(base, own);
    }

    /** {@code later} over {@code earlier}: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> earlier, Map<String, Object> later) {
        Map<String, Object> result = new LinkedHashMap<>(earlier);
        later.forEach((key, value) -> result.merge(key, value, (a, b) -> a instanceof Map<?, ?> && b instanceof Map<?, ?>
                ? deepMerge((Map<String, Object>) a, (Map<String, Object>) b) : b));
        // the list form of environment (KEY=value) merges like the map form
        if (earlier.get("environment") != null && later.get("environment") != null) {
            Map<String, Object> environment = new LinkedHashMap<>(ComposeService.environmentOf(earlier.get("environment")));
            environment.putAll(ComposeService.environmentOf(later.get("environment")));
            result.put("environment", environment);
        }
        return result;
    }

    private static Map<String, Object> read(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(options).load(reader);
            return mapOf(document);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOf(@Nullable Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("expected a mapping, found " + value);
        }
        return (Map<String, Object>) map;
    }
}
