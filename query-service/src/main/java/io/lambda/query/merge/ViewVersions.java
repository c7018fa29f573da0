package io.lambda.query.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lambda.core.merge.ViewMerger;
import io.lambda.core.metric.AggregateMonoid;
import io.lambda.core.metric.SketchSettings;
import io.lambda.core.redis.VersionRegistry;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.version.VersionChoice;
import io.lambda.core.version.VersionSelection;
import io.lambda.core.view.ViewCatalog;
import io.lambda.core.view.ViewDefinition;
import io.lambda.query.store.RegisteredVersion;
import io.lambda.query.store.ServingStore;
import io.lambda.query.store.VersionState;
import org.jspecify.annotations.Nullable;

/**
 * Which version of a view serves (invariant 4), by the cross-layer rule: {@link VersionSelection} over the version
 * registry, the versions' pointers and the speed layer's start slots; the views.yml version when the registry holds
 * none. The pointer of the served version is the one read here, once per query.
 *
 * <p>Same rule as {@code VersionRegistry.choose}, but every pointer and start slot is read in one pipelined round
 * trip instead of one command at a time.
 */
public final class ViewVersions {


    private final ViewCatalog catalog;
    private final ServingStore store;
    private final SketchSettings sketches;
    private final Map<String, Merging> byVersion = new ConcurrentHashMap<>();

    private record Merging(ViewDefinition definition, AggregateMonoid monoid, ViewMerger merger) {
    }

    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> foreign = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ViewVersions(ViewCatalog catalog, ServingStore store, SketchSettings sketches) {
        this.catalog = catalog;
        this.store = store;
        this.sketches = sketches;
        catalog.views().forEach(this::merging);
    }

    /** The views of views.yml, in order. */
    public List<ViewDefinition> catalog() {
        return catalog.views();
    }

    /**
     * The views.yml definition of a view.
     *
     * @throws InvalidQueryException {@code UNKNOWN_VIEW} naming it and the known views
     */
    public ViewDefinition catalogView(String name) {
        return catalog.find(name).orElseThrow(() -> new InvalidQueryException(InvalidQueryException.Reason.UNKNOWN_VIEW,
                null, "unknown view '" + name + "'", List.copyOf(catalog.names())));
    }

    /** The version serving a view now, reading the registry, then pointers and start slots. */
    public ServedView serve(ViewDefinition view, int partitions, long deadline) {
        return serve(view, store.registered(view.name(), deadline), partitions, deadline);
    }

    /** The version serving a view now, given its registry entries. */
    public ServedView serve(ViewDefinition view, List<RegisteredVersion> allRegistered, int partitions, long deadline) {
        List<RegisteredVersion> registered = allRegistered.stream().filter(this::computedByThisRelease).toList();
        if (registered.isEmpty()) {
            VersionState state = store.versionState(view.name(), List.of(view.version()), 0, deadline);
            return served(merging(view), state.pointers().get(view.version()), null);
        }
        List<String> versions = new ArrayList<>(registered.size());
        Map<String, RegisteredVersion> entries = new HashMap<>();
        for (RegisteredVersion entry : registered) {
            versions.add(entry.version());
            entries.put(entry.version(), entry);
        }
        VersionState state = store.versionState(view.name(), versions, partitions, deadline);
        Map<String, Instant> boundaries = new HashMap<>();
        state.pointers().forEach((version, pointer) -> boundaries.put(version, pointer.boundary()));
        VersionChoice choice = VersionSelection.choose(versions, boundaries, state.starts(), partitions);
        String serving = choice.serving();
        Merging merging = serving.equals(view.version()) ? merging(view) : merging(entries.get(serving));
        String pending = choice.pending();
        if (pending == null && !entries.containsKey(view.version())) {
            // views.yml holds a version the speed layer has not registered yet: it is coming
            pending = view.version();
        }
        return served(merging, state.pointers().get(serving), pending);
    }

    private ServedView served(Merging merging, @Nullable BatchPointer pointer, @Nullable String pending) {
        return new ServedView(merging.definition(), merging.monoid(), merging.merger(), pointer, pending);
    }

    /**
     * Whether this code's fold computes a registered version: its stored definition hashes to it. An entry written by
     * a release with other fold semantics ({@code ViewDefinition.FOLD_SEMANTICS}) does not; its stored values mean
     * something this code can't merge, so it is left out (logged once) rather than failing every query.
     */
    private boolean computedByThisRelease(RegisteredVersion entry) {
        if (byVersion.containsKey(entry.version()) || known.contains(entry.version())) {
            return true;
        }
        if (foreign.contains(entry.version())) {
            return false; // logged once, when first seen
        }
        boolean ours = VersionRegistry.computedByThisRelease(entry.version(), entry.canonical(), entry.description());
        (ours ? known : foreign).add(entry.version());
        return ours;
    }

    private Merging merging(RegisteredVersion entry) {
        Merging known = byVersion.get(entry.version());
        if (known != null) {
            return known;
        }
        ViewDefinition definition = VersionRegistry.fromCanonical(entry.canonical(), entry.description());
        if (!definition.version().equals(entry.version())) {
            throw new IllegalStateException("registry entry " + entry.version() + " holds the definition of version "
                    + definition.version());
        }
        return merging(definition);
    }

    private Merging merging(ViewDefinition definition) {
        return byVersion.computeIfAbsent(definition.version(), v -> {
            AggregateMonoid monoid = new AggregateMonoid(definition.metrics(), sketches);
            return new Merging(definition, monoid, new ViewMerger(definition, monoid));
        });
    }
}
