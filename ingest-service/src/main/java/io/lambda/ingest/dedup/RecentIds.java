package io.lambda.ingest.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lambda.core.serving.ServingKeys;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.async.RedisStringAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids accepted within the dedup window, in Redis under {@link ServingKeys#ingestedId(String)} with a TTL of the
 * window. One {@code MGET} checks a request's ids; after the broker's ack one {@code SET NX PX} per id, all sent in
 * one write (a pipeline), remembers them. Both wait at most the dedup timeout.
 *
 * <p>When Redis does not answer in time, {@link #seen} reports nothing seen and {@link #remember} does nothing: a
 * warning is logged when that starts (not per request), an info line when Redis answers again, and every failure is
 * counted as {@code lambda.ingest.dedup.failures}.
 */
public final class RecentIds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecentIds.class);
    private static final String MARK = "1";
    private static final String PX = "PX";
    private static final String NX = "NX";

    private final RedisLink link;
    private final ServingKeys keys;
    private final long windowMillis;
    private final Duration timeout;
    private final Counter checkFailures;
    private final Counter rememberFailures;
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * @param client the Lettuce client to open dedup's own connection from (a connection attempt starts at once, in
     *     the background)
     */
    public RecentIds(Supplier<AbstractRedisClient> client, ServingKeys keys, Duration window, Duration timeout,
            MeterRegistry registry) {
        this.link = new RedisLink(client, timeout, e -> failed("connect", e));
        this.keys = keys;
        this.windowMillis = window.toMillis();
        this.timeout = timeout;
        this.checkFailures = failures(registry, "check");
        this.rememberFailures = failures(registry, "remember");
        link.connectInBackground();
    }

    /** The ids among {@code ids} accepted within the window; none when Redis does not answer in time. */
    public Set<String> seen(List<String> ids) {
        RedisStringAsyncCommands<String, String> redis = link.commands();
        if (ids.isEmpty()) {
            return Set.of();
        }
        if (redis == null) {
            checkFailures.increment();
            failed("check", new IllegalStateException("not connected"));
            return Set.of();
        }
        List<String> redisKeys = new ArrayList<>(ids.size());
        for (String id : ids) {
            redisKeys.add(keys.ingestedId(id));
        }
        try {
            List<KeyValue<String, String>> values = redis.mget(redisKeys.toArray(String[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).hasValue()) {
                    seen.add(ids.get(i));
                }
            }
            answered();
            return seen;
        } catch (Exception e) {
            interruptedAgain(e);
            checkFailures.increment();
            failed("check", e);
            return Set.of();
        }
    }

    /**
     * Remembers {@code ids} as accepted now, for the window; an id remembered already keeps its first expiry. The
     * {@code SET}s go out in one write (one flush), not one write per id.
     */
    public void remember(List<String> ids) {
        StatefulConnection<String, String> redis = link.connection();
        if (ids.isEmpty()) {
            return;
        }
        if (redis == null) {
            rememberFailures.increment();
            failed("remember", new IllegalStateException("not connected"));
            return;
        }
        List<AsyncCommand<String, String, String>> writes = new ArrayList<>(ids.size());
        for (String id : ids) {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8)
                    .addKey(keys.ingestedId(id)).addValue(MARK).add(PX).add(windowMillis).add(NX);
            writes.add(new AsyncCommand<>(new Command<>(CommandType.SET, new StatusOutput<>(StringCodec.UTF8), args)));
        }
        try {
            redis.dispatch(writes);
            if (!LettuceFutures.awaitAll(timeout, writes.toArray(RedisFuture[]::new))) {
                throw new IllegalStateException("no answer within " + timeout.toMillis() + " ms");
            }
            answered();
        } catch (RuntimeException e) {
            rememberFailures.increment();
            failed("remember", e);
        }
    }

    /** Whether the last Redis call succeeded (true before the first call). */
    public boolean available() {
        return !failing.get();
    }

    @Override
    public void close() {
        link.close();
    }

    private void answered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Redis answers again: duplicate ids are detected again");
        }
    }

    private void failed(String operation, Exception e) {
        if (failing.compareAndSet(false, true)) {
            log.warn("Redis did not answer ({} failed: {}); ingest treats ids as unseen and writes every event "
                    + "until Redis answers again", operation, e.toString());
        } else {
            log.debug("Redis still not answering ({} failed: {})", operation, e.toString());
        }
    }

    private static void interruptedAgain(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    private static Counter failures(MeterRegistry registry, String operation) {
        return Counter.builder("lambda.ingest.dedup.failures")
                .description("Redis calls of ingest dedup that failed or timed out; the ids counted as unseen")
                .tag("operation", operation)
                .register(registry);
    }
}
