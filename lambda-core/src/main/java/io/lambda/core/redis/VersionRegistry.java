package io.lambda.core.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.Granularity;
import io.lambda.core.version.VersionChoice;
import io.lambda.core.version.VersionSelection;
import io.lambda.core.view.ViewDefinition;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The version registry in Redis ({@code <p>versions:{<view>}}): every version of a view the platform has computed,
 * with its definition, so the speed layer keeps computing a serving version after views.yml dropped it and the
 * query service knows which one serves ({@link VersionSelection}). The speed layer registers the versions of
 * views.yml at start; registering is idempotent (the first registration time stays).
 */
public final class VersionRegistry {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VersionRegistry.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RedisClusterCommands<String, String> redis;
    private final ServingKeys keys;

    public VersionRegistry(RedisClusterCommands<String, String> redis, ServingKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** One registered version. */
    public record Registered(ViewDefinition definition, Instant registeredAt) {
        public String version() {
            return definition.version();
        }
    }

    /** Registers a version if it is not registered yet; returns whether this call registered it. */
    public boolean register(ViewDefinition view, Instant now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("registeredAt", now.toEpochMilli());
        node.put("description", view.description());
        node.put("definition", view.canonicalForm());
        return Boolean.TRUE.equals(redis.hsetnx(keys.versions(view.name()), view.version(), node.toString()));
    }

    /** Removes a retired version from the registry. */
    public void unregister(ViewVersion version) {
        redis.hdel(keys.versions(version.name()), version.version());
    }

    /** The registered versions of a view, oldest first. */
    public List<Registered> versions(String view) {
        Map<String, String> stored = redis.hgetall(keys.versions(view));
        List<Registered> versions = new ArrayList<>();
        stored.forEach((version, text) -> {
            Registered registered = decode(version, text);
            if (registered != null) {
                versions.add(registered);
            }
        });
        versions.sort(Comparator.comparing(Registered::registeredAt).thenComparing(Registered::version));
        return List.copyOf(versions);
    }

    /**
     * Which version of a view serves, which is pending and which the speed layer computes, from the registry, the
     * pointers and the speed layer's start slots ({@code …:from}) on each of the topic's partitions.
     */
    public VersionChoice choose(String view, int partitions) {
        List<String> versions = versions(view).stream().map(Registered::version).toList();
        Map<String, Instant> boundaries = new HashMap<>();
        Map<String, Map<Integer, Instant>> starts = new HashMap<>();
        for (String version : versions) {
            String pointer = redis.get(keys.pointer(view, version));
            if (pointer != null) {
                boundaries.put(version, BatchPointer.decode(pointer).boundary());
            }
            Map<Integer, Instant> byPartition = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                String from = redis.get(keys.speedFrom(view, version, p));
                if (from != null) {
                    byPartition.put(p, Instant.ofEpochSecond(Long.parseLong(from)));
                }
            }
            starts.put(version, byPartition);
        }
        return VersionSelection.choose(versions, boundaries, starts, partitions);
    }

    /** The registered definitions of every view named in {@code names}, by view, oldest version first. */
    public Map<String, List<Registered>> versions(List<String> names) {
        Map<String, List<Registered>> all = new LinkedHashMap<>();
        names.forEach(name -> all.put(name, versions(name)));
        return all;
    }

    /**
     * The registration, or null when this release computes its definition as another version: an entry written by a
     * release with other fold semantics ({@link ViewDefinition#FOLD_SEMANTICS}), whose stored values this code can't
     * merge. It is left out (logged) instead of failing every layer that reads the registry.
     */
    static @Nullable Registered decode(String version, String text) {
        JsonNode node = JSON.readTree(text);
        String canonical = node.get("definition").asString();
        String description = node.path("description").asString("");
        if (!computedByThisRelease(version, canonical, description)) {
            return null;
        }
        return new Registered(fromCanonical(canonical, description),
                Instant.ofEpochMilli(node.get("registeredAt").asLong()));
    }

    /** Whether this release's fold computes a registered version: its stored definition hashes to it (see above). */
    public static boolean computedByThisRelease(String version, String canonical, String description) {
        String computed = fromCanonical(canonical, description).version();
        if (computed.equals(version)) {
            return true;
        }
        log.warn("Ignored registered view version={}: this release computes its definition as version={} (another fold"
                + " semantics); only the release that wrote it can serve it", version, computed);
        return false;
    }

    /** Rebuilds a definition from its canonical form ({@link ViewDefinition#canonicalForm()}). */
    public static ViewDefinition fromCanonical(String canonical, String description) {
        JsonNode node = JSON.readTree(canonical);
        Map<String, String> where = new LinkedHashMap<>();
        node.get("where").properties().forEach(e -> where.put(e.getKey(), e.getValue().asString()));
        List<String> dimensions = new ArrayList<>();
        node.get("dimensions").forEach(d -> dimensions.add(d.asString()));
        List<Granularity> granularities = new ArrayList<>();
        node.get("granularities").forEach(g -> granularities.add(Granularity.parse(g.asString())));
        List<MetricSpec> metrics = new ArrayList<>();
        for (JsonNode metric : node.get("metrics")) {
            @Nullable String field = metric.has("field") ? metric.get("field").asString() : null;
            metrics.add(new MetricSpec(metric.get("name").asString(), MetricKind.parse(metric.get("kind").asString()),
                    field));
        }
        return ViewDefinition.of(node.get("name").asString(), description, node.get("eventType").asString(), where,
                dimensions, granularities, metrics);
    }
}
