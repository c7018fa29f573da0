package io.lambda.speed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lambda.core.redis.VersionRegistry;
import io.lambda.core.version.VersionChoice;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view versions the speed layer computes: every views.yml version is registered, then per view the registry's
 * active versions (serving and newer) are computed from their stored definitions, so a serving version dropped from
 * views.yml keeps being computed until its successor is ready.
 */
final class ActiveVersions {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersions.class);

    private ActiveVersions() {
    }

    static List<ViewDefinition> resolve(VersionRegistry registry, ViewCatalog catalog, int partitions, Instant now) {
        for (ViewDefinition view : catalog.views()) {
            if (registry.register(view, now)) {
                log.info("Registered view={} version={}", view.name(), view.version());
            }
        }
        List<ViewDefinition> active = new ArrayList<>();
        for (ViewDefinition view : catalog.views()) {
            VersionChoice choice = registry.choose(view.name(), partitions);
            Map<String, ViewDefinition> definitions = registry.versions(view.name()).stream()
                    .collect(Collectors.toMap(VersionRegistry.Registered::version,
                            VersionRegistry.Registered::definition));
            for (String version : choice.active()) {
                active.add(definitions.getOrDefault(version, view));
            }
            log.info("View={} serving={} pending={} computing={}", view.name(), choice.serving(), choice.pending(),
                    choice.active());
        }
        return active.stream().collect(Collectors.toMap(ViewDefinition::version, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new)).values().stream().toList();
    }
}
