package io.lambda.speed.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.Chunks;
import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

/**
 * The Redis side of the speed layer on Lettuce's asynchronous API: the flush scripts of one punctuation are sent
 * back to back ({@code EVALSHA}, falling back to {@code EVAL} when Redis lost its script cache) and awaited together,
 * so a flush costs one round trip however many view versions it writes.
 */
public final class RedisPartialWriter implements PartialWriter {

    private static final byte[] EMPTY = new byte[0];

    private final RedisClusterAsyncCommands<String, byte[]> redis;
    private final ServingKeys keys;
    private final Duration timeout;

    /**
     * @param redis   a connection with UTF-8 keys and byte values
     * @param timeout how long one call waits for Redis
     */
    public RedisPartialWriter(RedisClusterAsyncCommands<String, byte[]> redis, ServingKeys keys, Duration timeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The partition's floor key ({@link ServingKeys#speedFloor}). */
    public static String floorKey(ServingKeys keys, String view, String version, int partition) {
        return keys.speedFloor(view, version, partition);
    }

    @Override
    public void announce(ViewVersion view, int partition) {
        await(redis.sadd(keys.speedPartitions(view.name(), view.version()), utf8(Integer.toString(partition))));
    }

    @Override
    public List<FlushOutcome> flush(List<PartitionFlush> flushes) {
        List<Script> scripts = new ArrayList<>(flushes.size());
        for (PartitionFlush flush : flushes) {
            scripts.add(script(flush));
        }
        List<CompletionStage<Long>> replies = new ArrayList<>(scripts.size());
        for (Script script : scripts) {
            replies.add(redis.<Long>evalsha(SpeedScripts.FLUSH_SHA, ScriptOutputType.INTEGER, script.keys,
                    script.args));
        }
        List<FlushOutcome> outcomes = new ArrayList<>(scripts.size());
        for (int i = 0; i < scripts.size(); i++) {
            Long code;
            try {
                code = await(replies.get(i));
            } catch (RedisCommandExecutionException e) {
                if (!String.valueOf(e.getMessage()).startsWith("NOSCRIPT")) {
                    throw e;
                }
                code = await(redis.<Long>eval(SpeedScripts.FLUSH, ScriptOutputType.INTEGER, scripts.get(i).keys,
                        scripts.get(i).args));
            }
            outcomes.add(outcome(code));
        }
        return outcomes;
    }

    @Override
    public @Nullable Instant boundary(ViewVersion view) {
        byte[] pointer = await(redis.get(keys.pointer(view.name(), view.version())));
        return pointer == null ? null : BatchPointer.decode(new String(pointer, StandardCharsets.UTF_8)).boundary();
    }

    @Override
    public long cleanup(ViewVersion view, int partition, Instant boundary) {
        String index = keys.speedIndex(view.name(), view.version(), partition);
        String hashPrefix = index.substring(0, index.length() - "idx".length());
        byte[][] args = {utf8(Long.toString(Chunks.slotChunkStart(boundary).getEpochSecond())), utf8(hashPrefix),
                utf8(Long.toString(boundary.getEpochSecond()))};
        String[] scriptKeys = {index, floorKey(keys, view.name(), view.version(), partition)};
        Long removed;
        try {
            removed = await(redis.<Long>evalsha(SpeedScripts.CLEANUP_SHA, ScriptOutputType.INTEGER, scriptKeys, args));
        } catch (RedisCommandExecutionException e) {
            if (!String.valueOf(e.getMessage()).startsWith("NOSCRIPT")) {
                throw e;
            }
            removed = await(redis.<Long>eval(SpeedScripts.CLEANUP, ScriptOutputType.INTEGER, scriptKeys, args));
        }
        return removed == null ? 0 : removed;
    }

    private Script script(PartitionFlush flush) {
        String view = flush.view().name();
        String version = flush.view().version();
        List<String> scriptKeys = new ArrayList<>(5 + flush.hashes().size());
        scriptKeys.add(keys.speedOffset(view, version, flush.partition()));
        scriptKeys.add(keys.speedIndex(view, version, flush.partition()));
        scriptKeys.add(keys.speedFrom(view, version, flush.partition()));
        scriptKeys.add(keys.speedGeneration(view, version, flush.partition()));
        scriptKeys.add(floorKey(keys, view, version, flush.partition()));
        List<byte[]> args = new ArrayList<>(5 + flush.fieldCount() * 2 + flush.hashes().size() * 3);
        args.add(utf8(Long.toString(flush.position())));
        args.add(utf8(Long.toString(flush.from())));
        args.add(flush.expectedGeneration() == null ? EMPTY : utf8(flush.expectedGeneration()));
        args.add(flush.newGeneration() == null ? EMPTY : utf8(flush.newGeneration()));
        args.add(flush.floor() == null ? EMPTY : utf8(Long.toString(flush.floor())));
        for (HashWrite hash : flush.hashes()) {
            ChunkRef chunk = hash.chunk();
            scriptKeys.add(keys.speedPartial(view, version, flush.partition(), chunk.granularity(), chunk.rollup(),
                    chunk.chunkStart()));
            args.add(utf8(chunk.encode()));
            args.add(utf8(Long.toString(chunk.chunkStart().getEpochSecond())));
            args.add(utf8(Integer.toString(hash.fields().size())));
            for (Map.Entry<String, byte[]> field : hash.fields().entrySet()) {
                args.add(utf8(field.getKey()));
                args.add(field.getValue());
            }
        }
        return new Script(scriptKeys.toArray(String[]::new), args.toArray(byte[][]::new));
    }

    private static FlushOutcome outcome(@Nullable Long code) {
        if (code == null) {
            throw new IllegalStateException("the flush script answered nothing");
        }
        if (code == SpeedScripts.WRITTEN) {
            return FlushOutcome.WRITTEN;
        }
        if (code == SpeedScripts.REFUSED) {
            return FlushOutcome.REFUSED;
        }
        if (code == SpeedScripts.GENERATION_CHANGED) {
            return FlushOutcome.GENERATION_CHANGED;
        }
        throw new IllegalStateException("unknown flush script answer " + code);
    }

    private <T> T await(CompletionStage<T> reply) {
        try {
            return reply.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted waiting for Redis", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RedisException(e.getCause());
        } catch (TimeoutException e) {
            throw new RedisException("Redis did not answer within " + timeout, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Script(String[] keys, byte[][] args) {
    }
}
