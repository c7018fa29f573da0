package io.lambda.batch.publish;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The batch layer's two Redis connections on one Lettuce client (standalone or cluster): text commands for
 * lambda-core's adapters (pointer, registry, slot length, watermark) and binary commands for rows and staging, whose
 * values are aggregate bytes. Lettuce pipelines async commands on a connection; {@link #await} waits for a batch.
 */
public final class RedisLinks implements AutoCloseable {

    private final StatefulConnection<String, String> textConnection;
    private final StatefulConnection<byte[], byte[]> binaryConnection;
    private final RedisClusterCommands<String, String> text;
    private final RedisClusterCommands<byte[], byte[]> binary;
    private final RedisClusterAsyncCommands<byte[], byte[]> pipeline;
    private final Duration timeout;

    private RedisLinks(StatefulConnection<String, String> textConnection, RedisClusterCommands<String, String> text,
            StatefulConnection<byte[], byte[]> binaryConnection, RedisClusterCommands<byte[], byte[]> binary,
            RedisClusterAsyncCommands<byte[], byte[]> pipeline, Duration timeout) {
        this.textConnection = textConnection;
        this.text = text;
        this.binaryConnection = binaryConnection;
        this.binary = binary;
        this.pipeline = pipeline;
        this.timeout = timeout;
    }

    /** Connects with {@code client}, which the caller keeps owning. */
    public static RedisLinks connect(AbstractRedisClient client, Duration timeout) {
        Objects.requireNonNull(client, "client");
        if (client instanceof RedisClusterClient cluster) {
            var t = cluster.connect(StringCodec.UTF8);
            var b = cluster.connect(ByteArrayCodec.INSTANCE);
            t.setTimeout(timeout);
            b.setTimeout(timeout);
            return new RedisLinks(t, t.sync(), b, b.sync(), b.async(), timeout);
        }
        if (client instanceof RedisClient standalone) {
            var t = standalone.connect(StringCodec.UTF8);
            var b = standalone.connect(ByteArrayCodec.INSTANCE);
            t.setTimeout(timeout);
            b.setTimeout(timeout);
            return new RedisLinks(t, t.sync(), b, b.sync(), b.async(), timeout);
        }
        throw new IllegalStateException("unsupported Redis client " + client.getClass().getName());
    }

    /** Text commands (lambda-core's adapters). */
    public RedisClusterCommands<String, String> text() {
        return text;
    }

    /** Binary commands, one at a time. */
    public RedisClusterCommands<byte[], byte[]> binary() {
        return binary;
    }

    /** Binary commands sent without waiting: collect the futures and {@link #await} them. */
    public RedisClusterAsyncCommands<byte[], byte[]> pipeline() {
        return pipeline;
    }

    /**
     * Waits for every future of a pipelined batch.
     *
     * @throws IllegalStateException when one failed or the batch timed out
     */
    public void await(List<? extends RedisFuture<?>> futures) {
        if (futures.isEmpty()) {
            return;
        }
        boolean done = LettuceFutures.awaitAll(timeout.toMillis() * Math.max(1, futures.size() / 1000 + 1),
                TimeUnit.MILLISECONDS, futures.toArray(RedisFuture[]::new));
        if (!done) {
            throw new IllegalStateException("Redis did not answer " + futures.size() + " pipelined commands in time");
        }
    }

    @Override
    public void close() {
        textConnection.close();
        binaryConnection.close();
    }
}
