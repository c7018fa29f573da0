package io.lambda.batch.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.redis.VersionRegistry;
import io.lambda.core.version.VersionChoice;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewDefinition;

/**
 * Which view versions a run computes: every version in views.yml, plus every version the registry still has active
 * (a serving version views.yml dropped keeps being computed from its stored definition until a newer one serves).
 */
public final class ComputedViews {

    private final ViewCatalog catalog;
    private final VersionRegistry registry;

    public ComputedViews(ViewCatalog catalog, VersionRegistry registry) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The versions to compute now. */
    public List<ViewDefinition> resolve(int partitions) {
        Map<ViewVersion, ViewDefinition> views = new LinkedHashMap<>();
        catalog.views().forEach(v -> views.put(ViewVersion.of(v), v));
        for (String name : catalog.names()) {
            List<VersionRegistry.Registered> registered = registry.versions(name);
            if (registered.isEmpty()) {
                continue;
            }
            VersionChoice choice = registry.choose(name, partitions);
            for (VersionRegistry.Registered version : registered) {
                if (choice.active().contains(version.version())) {
                    views.putIfAbsent(ViewVersion.of(version.definition()), version.definition());
                }
            }
        }
        return List.copyOf(views.values());
    }

    /**
     * The definitions of the given versions (a run's, as its prepare step chose them).
     *
     * @throws IllegalStateException when a version is neither in views.yml nor in the registry
     */
    public List<ViewDefinition> select(List<ViewVersion> versions) {
        List<ViewDefinition> selected = new ArrayList<>();
        for (ViewVersion version : versions) {
            ViewDefinition found = catalog.find(version.name())
                    .filter(v -> v.version().equals(version.version()))
                    .orElseGet(() -> registry.versions(version.name()).stream()
                            .filter(r -> r.version().equals(version.version()))
                            .map(VersionRegistry.Registered::definition)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("view version " + version
                                    + " of this run is neither in views.yml nor in the version registry")));
            selected.add(found);
        }
        return List.copyOf(selected);
    }

    /** {@code name:version,…} as kept in a run's context. */
    static String encode(List<ViewDefinition> views) {
        return String.join(",", views.stream().map(v -> ViewVersion.of(v).toString()).toList());
    }

    /** The versions of {@link #encode}. */
    static List<ViewVersion> decode(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<ViewVersion> versions = new ArrayList<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            versions.add(new ViewVersion(part.substring(0, colon), part.substring(colon + 1)));
        }
        return List.copyOf(versions);
    }
}
