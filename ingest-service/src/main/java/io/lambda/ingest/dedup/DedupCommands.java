package io.lambda.ingest.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.BooleanOutput;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;

/**
 * The Redis commands of dedup, built by hand so that all commands of one request go out in one write: native set
 * commands, no scripts, and every key of one shard under the shard's hash tag (valid on Redis Cluster).
 *
 * <p>What costs Redis most is taking in an id as an argument, far more than a set lookup. So a check sends each id
 * once, into a probe set, and intersects that with every bucket of the window inside Redis; asking each bucket
 * ({@code SMISMEMBER}) would send every id once per bucket, and a Lua script would convert every id and every
 * answer between Redis and Lua once per bucket as well.
 *
 * <ul>
 * <li>check, per shard: {@code SADD probe ids...}, {@code PEXPIRE probe}, {@code SINTER probe bucket} per bucket,
 * {@code UNLINK probe} (freed off Redis's main thread);
 * <li>remember, per shard: {@code SADD bucket ids...}, {@code PEXPIREAT bucket expiry}.
 * </ul>
 */
final class DedupCommands {

    /** The first Redis with {@code UNLINK}, the newest command dedup sends (tested with 6.2). */
    static final RedisVersion REQUIRED = new RedisVersion(4, 0);

    /** How long a probe set may outlive its check should the client vanish before deleting it. */
    static final Duration PROBE_LIFETIME = Duration.ofMinutes(1);

    private DedupCommands() {
    }

    /**
     * The commands that find which of one shard's {@code ids} are in any of {@code buckets}: {@code SADD probe ids...},
     * {@code PEXPIRE probe} (a safety net), one {@code SINTER probe bucket} per bucket, {@code UNLINK probe}. Redis runs
     * a connection's commands in order, so the intersections see the whole probe. Each intersection answers only
     * the ids found, usually none.
     */
    static Check check(String probe, List<String> buckets, List<String> ids) {
        List<AsyncCommand<String, String, ?>> commands = new ArrayList<>(buckets.size() + 3);
        commands.add(command(CommandType.SADD, new IntegerOutput<>(StringCodec.UTF8), args(probe).addValues(ids)));
        commands.add(command(CommandType.PEXPIRE, new BooleanOutput<>(StringCodec.UTF8),
                args(probe).add(PROBE_LIFETIME.toMillis())));
        List<AsyncCommand<String, String, List<String>>> intersections = new ArrayList<>(buckets.size());
        for (String bucket : buckets) {
            AsyncCommand<String, String, List<String>> intersection = command(CommandType.SINTER,
                    new ValueListOutput<>(StringCodec.UTF8), args(probe).addKey(bucket));
            intersections.add(intersection);
            commands.add(intersection);
        }
        commands.add(command(CommandType.UNLINK, new IntegerOutput<>(StringCodec.UTF8), args(probe)));
        return new Check(commands, intersections);
    }

    /** The commands of one shard's check, and those of them whose answers are the ids found. */
    record Check(List<AsyncCommand<String, String, ?>> commands,
            List<AsyncCommand<String, String, List<String>>> intersections) {
    }

    /** {@code SADD bucket ids...} and {@code PEXPIREAT bucket expiry}, in that order. */
    static List<AsyncCommand<String, String, ?>> remember(String bucket, List<String> ids, long expiryEpochMillis) {
        return List.of(command(CommandType.SADD, new IntegerOutput<>(StringCodec.UTF8), args(bucket).addValues(ids)),
                command(CommandType.PEXPIREAT, new BooleanOutput<>(StringCodec.UTF8), args(bucket).add(expiryEpochMillis)));
    }

    /** Sends {@code commands} in one write. */
    static void dispatch(RedisLink.Session session, List<? extends RedisCommand<String, String, ?>> commands) {
        session.connection().dispatch(commands);
    }

    /** Fails (so the connection is not used) unless the server is at least {@link #REQUIRED}. */
    static void requireSupportedServer(RedisClusterAsyncCommands<String, String> redis) {
        String info;
        try {
            info = redis.info("server").get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking Redis for its version", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("asking Redis for its version failed: " + e.getCause(), e.getCause());
        }
        RedisVersion version = RedisVersion.fromInfo(info);
        if (!version.atLeast(REQUIRED)) {
            throw new IllegalStateException("ingest dedup needs Redis " + REQUIRED + " or later; the server is Redis "
                    + version);
        }
    }

    private static CommandArgs<String, String> args(String key) {
        return new CommandArgs<>(StringCodec.UTF8).addKey(key);
    }

    private static <T> AsyncCommand<String, String, T> command(CommandType type, CommandOutput<String, String, T> output,
            CommandArgs<String, String> args) {
        return new AsyncCommand<>(new Command<>(type, output, args));
    }
}
