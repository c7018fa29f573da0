package io.lambda.local.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of {@code docker/Dockerfile} the consistency checks read: its {@code ARG} defaults, its {@code ENV}
 * settings and the URL its {@code HEALTHCHECK} asks, and the few shell expansions ({@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}}) needed to resolve that URL's port for one container.
 *
 * @param args        {@code ARG} defaults of the final stage (and before the first {@code FROM})
 * @param environment {@code ENV} settings of the final stage, unexpanded
 * @param healthcheck the {@code HEALTHCHECK} instruction of the final stage
 */
record ImageRecipe(Map<String, String> args, Map<String, String> environment, Optional<String> healthcheck) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern HEALTH_URL = Pattern.compile("https?://(?:127\\.0\\.0\\.1|localhost):(\\S+?)/actuator/health");

    static ImageRecipe read(Path dockerfile) {
        List<String> instructions = instructions(dockerfile);
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        String healthcheck = null;
        for (String instruction : instructions) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
            String rest = parts.length > 1 ? parts[1].trim() : "";
            switch (keyword) {
                case "FROM" -> {
                    // each stage starts afresh; the last stage's settings are the image's
                    environment.clear();
                    healthcheck = null;
                }
                case "ARG" -> {
                    int equals = rest.indexOf('=');
                    args.putIfAbsent(equals < 0 ? rest : rest.substring(0, equals), equals < 0 ? "" : unquote(rest.substring(equals + 1)));
                }
                case "ENV" -> {
                    for (String assignment : rest.split("\\s+(?=[A-Za-z_][A-Za-z0-9_]*=)")) {
                        int equals = assignment.indexOf('=');
                        if (equals > 0) {
                            environment.put(assignment.substring(0, equals), unquote(assignment.substring(equals + 1)));
                        }
                    }
                }
                case "HEALTHCHECK" -> healthcheck = rest;
                default -> {
                }
            }
        }
        return new ImageRecipe(args, environment, Optional.ofNullable(healthcheck));
    }

    /**
     * The port the healthcheck asks in a container built with {@code buildArgs} and started with
     * {@code containerEnvironment}; empty when the healthcheck asks no {@code /actuator/health} URL on the container
     * itself.
     */
    Optional<String> healthcheckPort(Map<String, String> buildArgs, Map<String, String> containerEnvironment) {
        Optional<String> port = healthcheck.map(HEALTH_URL::matcher).filter(Matcher::find).map(m -> m.group(1));
        if (port.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> buildTime = new LinkedHashMap<>(args);
        buildTime.putAll(buildArgs);
        Map<String, String> runTime = new LinkedHashMap<>();
        environment.forEach((name, value) -> runTime.put(name, expand(value, buildTime)));
        runTime.putAll(containerEnvironment);
        return Optional.of(expand(port.get().replace("\"", ""), runTime));
    }

    /** Expands {@code $VAR}, {@code ${VAR}} and {@code ${VAR:-default}} (the default expanded too). */
    static String expand(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            String value = variables.get(name);
            if ((value == null || value.isEmpty()) && matcher.group(2) != null) {
                value = expand(matcher.group(2), variables);
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    private static List<String> instructions(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + dockerfile, e);
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static String unquote(String value) {
        String trimmed = value.strip();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
