package io.lambda.ingest.dedup;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

/**
 * Dedup's own connection to Redis, opened from Spring Boot's Lettuce client (so every {@code spring.data.redis.*}
 * setting applies: standalone, sentinel or cluster, TLS, credentials) but with its own command timeout.
 *
 * <p>Connecting happens on a background thread, never on a request's: until a connection is open,
 * {@link #session()} is null and callers treat ids as unseen. A failed attempt is retried on demand, at most once
 * per {@link #RECONNECT_PAUSE}. Once open, Lettuce reconnects by itself; while it is disconnected
 * {@link #session()} is null again rather than queueing commands.
 */
final class RedisLink implements AutoCloseable {

    static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final Supplier<AbstractRedisClient> client;
    private final Duration commandTimeout;
    private final Consumer<RedisClusterAsyncCommands<String, String>> prepare;
    private final Consumer<RuntimeException> connectFailures;
    private final ExecutorService connector = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dedup-redis-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile @Nullable Session session;
    private volatile long nextAttempt = System.nanoTime();
    private volatile boolean closed;

    /**
     * @param prepare runs on a new connection before it is used (e.g. loads scripts); throwing fails the connection
     */
    RedisLink(Supplier<AbstractRedisClient> client, Duration commandTimeout,
            Consumer<RedisClusterAsyncCommands<String, String>> prepare, Consumer<RuntimeException> connectFailures) {
        this.client = client;
        this.commandTimeout = commandTimeout;
        this.prepare = prepare;
        this.connectFailures = connectFailures;
    }

    /** An open connection, its commands, and whether it is to a Redis Cluster. */
    record Session(StatefulConnection<String, String> connection, RedisClusterAsyncCommands<String, String> commands,
            boolean cluster) {
    }

    /** The open connection, or null (and a connection attempt is started when due). */
    @Nullable Session session() {
        Session open = session;
        if (open == null) {
            connectInBackground();
            return null;
        }
        return open.connection().isOpen() ? open : null;
    }

    void connectInBackground() {
        if (!closed && System.nanoTime() - nextAttempt >= 0 && connecting.compareAndSet(false, true)) {
            connector.execute(this::connect);
        }
    }

    private void connect() {
        try {
            AbstractRedisClient redis = client.get();
            if (redis instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<String, String> opened = cluster.connect(StringCodec.UTF8);
                opened.setTimeout(commandTimeout);
                use(opened, opened.async(), true);
            } else if (redis instanceof RedisClient standalone) {
                StatefulRedisConnection<String, String> opened = standalone.connect(StringCodec.UTF8);
                opened.setTimeout(commandTimeout);
                use(opened, opened.async(), false);
            } else {
                throw new IllegalStateException("unsupported Redis client " + redis.getClass().getName());
            }
        } catch (RuntimeException e) {
            nextAttempt = System.nanoTime() + RECONNECT_PAUSE.toNanos();
            connectFailures.accept(e);
        } finally {
            connecting.set(false);
        }
    }

    private void use(StatefulConnection<String, String> opened, RedisClusterAsyncCommands<String, String> async,
            boolean cluster) {
        try {
            prepare.accept(async);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        session = new Session(opened, async, cluster);
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        Session open = session;
        if (open != null) {
            open.connection().close();
        }
    }
}
