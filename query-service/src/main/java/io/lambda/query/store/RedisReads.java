package io.lambda.query.store;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.lambda.core.redis.SlotLengthRecord;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.IngestSlots;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query service's one connection to Redis (standalone or cluster, from Spring Boot's Lettuce client): string keys
 * and fields, byte values. Shared by every request: Lettuce connections are thread-safe and pipeline the commands of
 * concurrent requests. Opened on first use and again after a failed attempt; every newly opened connection first
 * checks the platform's slot length ({@link SlotLengthRecord}).
 */
public final class RedisReads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisReads.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final Supplier<AbstractRedisClient> client;
    private final ServingKeys keys;
    private final IngestSlots slots;
    private final Duration timeout;
    private volatile @Nullable Open open;
    private volatile boolean closed;

    private record Open(StatefulConnection<String, byte[]> connection, RedisClusterAsyncCommands<String, byte[]> async) {
    }

    public RedisReads(Supplier<AbstractRedisClient> client, ServingKeys keys, IngestSlots slots, Duration timeout) {
        this.client = client;
        this.keys = keys;
        this.slots = slots;
        this.timeout = timeout;
    }

    /** The per-query time budget for Redis. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Tries to connect at start so a slot length other than the platform's fails the start; an unreachable Redis only
     * logs (queries answer 503 until it is back).
     */
    public void connectAtStart() {
        try {
            commands();
        } catch (StoreUnavailableException e) {
            log.warn("Redis not reachable at start, queries answer 503 until it is: {}", e.getMessage());
        }
    }

    /**
     * The async commands of the open connection.
     *
     * @throws StoreUnavailableException when no connection can be opened
     */
    public RedisClusterAsyncCommands<String, byte[]> commands() {
        Open current = open;
        if (current != null && current.connection().isOpen()) {
            return current.async();
        }
        return connect().async();
    }

    private synchronized Open connect() {
        Open current = open;
        if (current != null && current.connection().isOpen()) {
            return current;
        }
        if (closed) {
            throw new IllegalStateException("closed");
        }
        try {
            AbstractRedisClient redis = client.get();
            Open opened;
            if (redis instanceof RedisClusterClient cluster) {
                try (StatefulRedisClusterConnection<String, String> text = cluster.connect(StringCodec.UTF8)) {
                    text.setTimeout(timeout);
                    SlotLengthRecord.verify(text.sync(), keys, slots);
                }
                StatefulRedisClusterConnection<String, byte[]> connection = cluster.connect(CODEC);
                connection.setTimeout(timeout);
                opened = new Open(connection, connection.async());
            } else if (redis instanceof RedisClient standalone) {
                try (StatefulRedisConnection<String, String> text = standalone.connect(StringCodec.UTF8)) {
                    text.setTimeout(timeout);
                    SlotLengthRecord.verify(text.sync(), keys, slots);
                }
                StatefulRedisConnection<String, byte[]> connection = standalone.connect(CODEC);
                connection.setTimeout(timeout);
                opened = new Open(connection, connection.async());
            } else {
                throw new IllegalStateException("unsupported Redis client " + redis.getClass().getName());
            }
            if (current != null) {
                current.connection().close();
            }
            open = opened;
            return opened;
        } catch (RedisCommandExecutionException e) {
            throw e;
        } catch (RedisException e) {
            throw new StoreUnavailableException("Redis is not reachable: " + e.getMessage(), e);
        }
    }

    /**
     * Waits for one reply of a pipelined read until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @throws StoreUnavailableException when Redis does not answer in time or the connection fails
     */
    public static <T> T await(Future<T> reply, long deadlineNanos) {
        try {
            return reply.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new StoreUnavailableException("Redis did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted waiting for Redis", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedisCommandExecutionException command) {
                throw command;
            }
            throw new StoreUnavailableException("Redis failed: " + cause, cause);
        }
    }

    /** A deadline {@link #timeout()} from now, for {@link #await}. */
    public long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    @Override
    public void close() {
        closed = true;
        Open current = open;
        if (current != null) {
            current.connection().close();
        }
    }
}
