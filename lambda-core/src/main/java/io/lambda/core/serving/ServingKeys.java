package io.lambda.core.serving;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import io.lambda.core.serving.ServingKey.BatchIndex;
import io.lambda.core.serving.ServingKey.BatchRows;
import io.lambda.core.serving.ServingKey.Pointer;
import io.lambda.core.serving.ServingKey.Runs;
import io.lambda.core.serving.ServingKey.SpeedFrom;
import io.lambda.core.serving.ServingKey.SpeedIndex;
import io.lambda.core.serving.ServingKey.SpeedOffset;
import io.lambda.core.serving.ServingKey.SpeedPartial;
import io.lambda.core.serving.ServingKey.SpeedPartitions;
import io.lambda.core.time.Granularity;
import org.jspecify.annotations.Nullable;

/**
 * The serving-store key layout (the one place it is defined; {@code lambda-core/KEYS.md} explains the
 * reasons and gives examples). {@code <p>} is the global prefix, e.g. {@code lambda:}.
 *
 * <pre>
 * &lt;p&gt;ptr:{&lt;view&gt;:&lt;version&gt;}                          string  BatchPointer (one SET publishes a run)
 * &lt;p&gt;runs:{&lt;view&gt;:&lt;version&gt;}                         zset    runId, score boundary epoch seconds
 * &lt;p&gt;bi:{&lt;view&gt;:&lt;version&gt;}:&lt;runId&gt;                   zset    ChunkRef of the run's row hashes
 * &lt;p&gt;b:&lt;view&gt;:&lt;version&gt;:&lt;runId&gt;:&lt;gran&gt;:&lt;rollup&gt;:&lt;chunk&gt;   hash  GroupField -&gt; aggregate (no hash tag)
 * &lt;p&gt;sp:{&lt;view&gt;:&lt;version&gt;}                           set     partitions with speed partials
 * &lt;p&gt;s:{&lt;view&gt;:&lt;version&gt;:&lt;partition&gt;}:&lt;gran&gt;:&lt;rollup&gt;:&lt;slotChunk&gt;  hash  PartialField -&gt; aggregate, ~offset
 * &lt;p&gt;s:{&lt;view&gt;:&lt;version&gt;:&lt;partition&gt;}:offset          string  flushed position of the partition
 * &lt;p&gt;s:{&lt;view&gt;:&lt;version&gt;:&lt;partition&gt;}:idx             zset    ChunkRef of the partition's partial hashes
 * &lt;p&gt;s:{&lt;view&gt;:&lt;version&gt;:&lt;partition&gt;}:from            string  first complete slot (epoch seconds)
 * &lt;p&gt;archive:watermark                               hash    partition -&gt; archive watermark (epoch ms)
 * &lt;p&gt;ingested:{s&lt;shard&gt;}:&lt;bucketStart&gt;           set     ids accepted by ingest in a time bucket (dedup)
 * </pre>
 *
 * <p>Redis Cluster: the keys one speed flush writes atomically share the hash tag
 * {@code {view:version:partition}}; the per-view-version metadata shares {@code {view:version}}; batch rows
 * carry no tag and spread over the cluster (they are never written atomically together).
 */
public final class ServingKeys {

    /** Prefixes may hold {@code :} but never braces, which would move the hash tag into the prefix. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{0,64}");

    /** How many hash-tag shards the {@link #ingestedIds} keys are spread over. */
    public static final int INGESTED_ID_SHARDS = 16;

    private final String prefix;

    /**
     * @param prefix the global key prefix, e.g. {@code lambda:}; tests use a unique one each
     */
    public ServingKeys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("key prefix '" + prefix + "' must match " + PREFIX);
        }
        this.prefix = prefix;
    }

    /** The global prefix. */
    public String prefix() {
        return prefix;
    }

    /** The key text. */
    public String key(ServingKey key) {
        String tag = "{" + key.view() + ":" + key.version() + "}";
        if (key instanceof Pointer) {
            return prefix + "ptr:" + tag;
        } else if (key instanceof Runs) {
            return prefix + "runs:" + tag;
        } else if (key instanceof BatchIndex k) {
            return prefix + "bi:" + tag + ":" + k.runId();
        } else if (key instanceof BatchRows k) {
            return prefix + "b:" + k.view() + ":" + k.version() + ":" + k.runId() + ":" + k.chunk().encode();
        } else if (key instanceof SpeedPartitions) {
            return prefix + "sp:" + tag;
        } else if (key instanceof SpeedPartial k) {
            return speedTag(k.view(), k.version(), k.partition()) + ":" + k.chunk().encode();
        } else if (key instanceof SpeedOffset k) {
            return speedTag(k.view(), k.version(), k.partition()) + ":offset";
        } else if (key instanceof SpeedIndex k) {
            return speedTag(k.view(), k.version(), k.partition()) + ":idx";
        } else if (key instanceof SpeedFrom k) {
            return speedTag(k.view(), k.version(), k.partition()) + ":from";
        }
        throw new IllegalStateException("unhandled key type " + key.getClass());
    }

    /**
     * Parses a key written by {@link #key}.
     *
     * @throws IllegalArgumentException when it is not a key of this layout and prefix
     */
    public ServingKey parse(String key) {
        if (!key.startsWith(prefix)) {
            throw invalid(key, "does not start with prefix '" + prefix + "'");
        }
        try {
            ServingKey parsed = ServingKeyParser.parse(key.substring(prefix.length()));
            if (parsed != null && key(parsed).equals(key)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            throw invalid(key, e.getMessage());
        }
        throw invalid(key, "does not follow the layout");
    }

    /** The pointer key of a view version. */
    public String pointer(String view, String version) {
        return key(new Pointer(view, version));
    }

    /** A batch row hash. */
    public String batchRows(String view, String version, String runId, Granularity granularity, Rollup rollup,
            Instant chunkStart) {
        return key(new BatchRows(view, version, runId, new ChunkRef(granularity, rollup, chunkStart)));
    }

    /** A speed partial hash. */
    public String speedPartial(String view, String version, int partition, Granularity granularity, Rollup rollup,
            Instant slotChunkStart) {
        return key(new SpeedPartial(view, version, partition, new ChunkRef(granularity, rollup, slotChunkStart)));
    }

    /** The flushed-position key of a partition. */
    public String speedOffset(String view, String version, int partition) {
        return key(new SpeedOffset(view, version, partition));
    }

    /** The sorted set of runs that wrote rows of a view version (score: boundary, epoch seconds). */
    public String runs(String view, String version) {
        return key(new Runs(view, version));
    }

    /** The index of a run's row hashes. */
    public String batchIndex(String view, String version, String runId) {
        return key(new BatchIndex(view, version, runId));
    }

    /** The set of partitions that have written speed partials of a view version. */
    public String speedPartitions(String view, String version) {
        return key(new SpeedPartitions(view, version));
    }

    /** The index of a partition's speed partial hashes. */
    public String speedIndex(String view, String version, int partition) {
        return key(new SpeedIndex(view, version, partition));
    }

    /** The first complete ingest slot (epoch seconds) of a partition's speed partials; written once. */
    public String speedFrom(String view, String version, int partition) {
        return key(new SpeedFrom(view, version, partition));
    }

    /**
     * {@code <p>s:{<view>:<version>:<partition>}:gen}: the generation marker the partition's speed flushes check (a
     * random id written when absent). Redis losing its data loses it, so the next flush finds it missing or different
     * and rewrites every partial it holds, even when a zombie recreated the offset key. Same hash tag as the flush.
     */
    public String speedGeneration(String view, String version, int partition) {
        return prefix + "s:{" + view + ":" + version + ":" + partition + "}:gen";
    }

    /**
     * {@code <p>s:{<view>:<version>:<partition>}:floor}: the slot start (epoch seconds) below which the partition's
     * speed task no longer holds partials (it cleaned them up after a batch boundary); absent while it holds every
     * slot since {@code …:from}. Only raised. A query whose published boundary is below a floor misses events and says
     * so. Same hash tag as the flush.
     */
    public String speedFloor(String view, String version, int partition) {
        return prefix + "s:{" + view + ":" + version + ":" + partition + "}:floor";
    }

    /**
     * {@code <p>versions:{<view>}}: hash, version → its registration (JSON: registration time, description,
     * canonical definition); see {@code io.lambda.core.redis.VersionRegistry}.
     */
    public String versions(String view) {
        if (!ServingKey.VIEW.matcher(view).matches()) {
            throw new IllegalArgumentException("view name '" + view + "' must match " + ServingKey.VIEW);
        }
        return prefix + "versions:{" + view + "}";
    }

    /** {@code <p>slot}: the platform's ingest slot length in seconds, recorded once. */
    public String slotLength() {
        return prefix + "slot";
    }

    /**
     * {@code <p>archive:watermark}: hash, one field per partition of the event topic (decimal partition number) with
     * that partition's archive watermark in epoch milliseconds ({@link ArchiveWatermarks}). The archiver instance
     * that owns a partition raises its field; the batch layer and status endpoints read the whole hash. Not a
     * {@link ServingKey} (it belongs to no view), so {@link #parse} does not know it.
     */
    public String archiveWatermark() {
        return prefix + "archive:watermark";
    }

    /**
     * The Redis Cluster hash tag of a key: the text between the first {@code {} and the next {@code }}
     * when non-empty, else null (the whole key is hashed). Two keys can be written atomically on a cluster
     * only when their tags are equal and non-null (or the keys are equal).
     */
    public static @Nullable String hashTag(String key) {
        int open = key.indexOf('{');
        if (open < 0) {
            return null;
        }
        int close = key.indexOf('}', open + 1);
        return close <= open + 1 ? null : key.substring(open + 1, close);
    }

    /**
     * {@code <p>ingested:{s<shard>}:<bucketStart>}: the set of event ids of one shard that ingest accepted (the
     * broker acknowledged them) during one time bucket; expires a dedup window after the bucket ends. Ingest checks a
     * request's ids against the buckets of the last window to report repeats as duplicates instead of writing them
     * again. Only an optimisation: losing these keys never loses or double-counts an event, since every layer
     * dedups by id. The shard ({@link #ingestedIdShard} on a Redis Cluster, 0 on a single server) is the hash tag: the
     * keys of one shard's check live on one cluster node, and the {@value #INGESTED_ID_SHARDS} shards spread over
     * the cluster.
     *
     * @param shard {@code 0} to {@value #INGESTED_ID_SHARDS}{@code  - 1}
     * @param bucketStart the bucket's start; written as epoch milliseconds
     */
    public String ingestedIds(int shard, Instant bucketStart) {
        if (shard < 0 || shard >= INGESTED_ID_SHARDS) {
            throw new IllegalArgumentException("shard must be 0-" + (INGESTED_ID_SHARDS - 1) + ": " + shard);
        }
        return prefix + "ingested:{s" + shard + "}:" + bucketStart.toEpochMilli();
    }

    /**
     * {@code <p>ingested:{s<shard>}:probe:<token>}: a short-lived set holding the ids of one shard that one request
     * asks about. Ingest adds the ids to it once and intersects it with each bucket of the window
     * ({@code SINTER}), so Redis reads each id once instead of once per bucket; the set is unlinked right after
     * (and expires within a minute should the client vanish in between). Same hash tag as the shard's buckets.
     *
     * @param shard {@code 0} to {@value #INGESTED_ID_SHARDS}{@code  - 1}
     * @param token unique per request, e.g. a random UUID; no braces
     */
    public String ingestedIdsProbe(int shard, String token) {
        if (shard < 0 || shard >= INGESTED_ID_SHARDS) {
            throw new IllegalArgumentException("shard must be 0-" + (INGESTED_ID_SHARDS - 1) + ": " + shard);
        }
        if (token.isEmpty() || token.indexOf('{') >= 0 || token.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a probe token is non-empty and has no braces: '" + token + "'");
        }
        return prefix + "ingested:{s" + shard + "}:probe:" + token;
    }

    /** The shard of an event id ({@link #ingestedIds}): {@code String.hashCode()} mod {@value #INGESTED_ID_SHARDS}. */
    public static int ingestedIdShard(String eventId) {
        return Math.floorMod(eventId.hashCode(), INGESTED_ID_SHARDS);
    }

    private String speedTag(String view, String version, int partition) {
        return prefix + "s:{" + view + ":" + version + ":" + partition + "}";
    }

    private static IllegalArgumentException invalid(String key, String reason) {
        return new IllegalArgumentException("not a serving key: '" + key + "' " + reason);
    }
}
