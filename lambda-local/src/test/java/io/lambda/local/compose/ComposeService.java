package io.lambda.local.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One service of a compose project, as far as the consistency checks read it.
 *
 * @param name        the service's name (its host name on the compose network)
 * @param module      the Maven module its image is built from (build argument {@code MODULE}), if it is one of ours
 * @param buildArgs   the build arguments
 * @param environment the container's environment, values as written (unexpanded {@code ${VAR:-default}})
 * @param healthcheck the compose file's own healthcheck test, if it has one (it replaces the image's)
 */
record ComposeService(String name, Optional<String> module, Map<String, String> buildArgs,
        Map<String, String> environment, Optional<String> healthcheck) {

    ComposeService {
        Objects.requireNonNull(name, "name");
        buildArgs = Map.copyOf(buildArgs);
        environment = Map.copyOf(environment);
    }

    static ComposeService of(String name, Map<String, Object> definition) {
        Map<String, Object> build = definition.get("build") instanceof Map<?, ?> ? ComposeProject.mapOf(definition.get("build"))
                : Map.of();
        Map<String, String> args = environmentOf(build.get("args"));
        Optional<String> healthcheck = Optional.ofNullable(definition.get("healthcheck"))
                .map(ComposeProject::mapOf)
                .map(check -> check.get("test"))
                .map(test -> test instanceof List<?> parts ? String.join(" ", parts.stream().map(String::valueOf).toList())
                        : test.toString());
        return new ComposeService(name, Optional.ofNullable(args.get("MODULE")), args,
                environmentOf(definition.get("environment")), healthcheck);
    }

    /** The map and the list ({@code KEY=value}) forms of {@code environment} and {@code args}. */
    static Map<String, String> environmentOf(@Nullable Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> result.put(key.toString(), entry == null ? "" : entry.toString()));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String text = item.toString();
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        } else if (value != null) {
            throw new IllegalStateException("environment must be a mapping or a list: " + value);
        }
        return result;
    }
}
