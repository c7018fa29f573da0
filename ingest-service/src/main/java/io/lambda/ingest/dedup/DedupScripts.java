package io.lambda.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * The two Lua scripts of dedup. Both take the ids of one shard packed into one argument ({@code \n}-separated: ids
 * never contain it), so a request sends a few arguments per shard instead of one per id, and Redis checks or adds
 * all of them with native set commands ({@code SMISMEMBER}, Redis 6.2+; {@code SADD}), 1,000 at a time. The scripts
 * are loaded when dedup connects; a request's calls ({@code EVALSHA}, one per shard) go out in one write, and fall
 * back to {@code EVAL} if Redis has lost the scripts (e.g. after a restart).
 */
enum DedupScripts {

    /** KEYS: the shard's buckets to look in; ARGV[1]: the packed ids. Returns one '0' or '1' per id. */
    CHECK(ScriptOutputType.VALUE, """
            local seen = {}
            for i = 1, #ids do seen[i] = '0' end
            for _, key in ipairs(KEYS) do
              for from = 1, #ids, 1000 do
                local to = math.min(from + 999, #ids)
                local found = redis.call('SMISMEMBER', key, unpack(ids, from, to))
                for i = from, to do
                  if found[i - from + 1] == 1 then seen[i] = '1' end
                end
              end
            end
            return table.concat(seen)
            """),

    /** KEYS[1]: the current bucket; ARGV[1]: the packed ids; ARGV[2]: the bucket's expiry, epoch ms. */
    REMEMBER(ScriptOutputType.INTEGER, """
            for from = 1, #ids, 1000 do
              redis.call('SADD', KEYS[1], unpack(ids, from, math.min(from + 999, #ids)))
            end
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            return #ids
            """);

    private static final String SPLIT = """
            local ids = {}
            for id in string.gmatch(ARGV[1], '[^\\n]+') do ids[#ids + 1] = id end
            """;

    private final ScriptOutputType type;
    private final String text;
    private final String digest;

    DedupScripts(ScriptOutputType type, String body) {
        this.type = type;
        this.text = SPLIT + body;
        this.digest = digest(text);
    }

    /** One call of a script. */
    record Call(String[] keys, String[] args) {
    }

    /**
     * Runs the calls; each future completes with its answer ({@code String} for {@link #CHECK}, {@code Long} for
     * {@link #REMEMBER}).
     */
    <T> List<CompletableFuture<T>> run(RedisLink.Session session, List<Call> calls) {
        List<AsyncCommand<String, String, T>> commands = new ArrayList<>(calls.size());
        for (Call call : calls) {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add(digest).add(call.keys().length)
                    .addKeys(call.keys()).addValues(call.args());
            commands.add(new AsyncCommand<>(new Command<>(CommandType.EVALSHA, this.<T>output(), args)));
        }
        session.connection().dispatch(commands);
        List<CompletableFuture<T>> answers = new ArrayList<>(calls.size());
        for (int i = 0; i < commands.size(); i++) {
            Call call = calls.get(i);
            CompletableFuture<CompletableFuture<T>> attempt = commands.get(i).handle((answer, failure) -> failure == null
                    ? CompletableFuture.completedFuture(answer)
                    : this.<T>fallBack(session.commands(), call, failure));
            answers.add(attempt.thenCompose(answer -> answer));
        }
        return answers;
    }

    /** Loads both scripts (on every node of a cluster). */
    static void load(RedisClusterAsyncCommands<String, String> redis) {
        try {
            for (DedupScripts script : values()) {
                redis.scriptLoad(script.text).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted loading the dedup scripts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading the dedup scripts failed: " + e.getCause(), e.getCause());
        }
    }

    private <T> CompletableFuture<T> fallBack(RedisClusterAsyncCommands<String, String> redis, Call call,
            Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisNoScriptException) {
            return redis.<T>eval(text, type, call.keys(), call.args()).toCompletableFuture();
        }
        return CompletableFuture.failedFuture(cause);
    }

    @SuppressWarnings("unchecked")
    private <T> CommandOutput<String, String, T> output() {
        return (CommandOutput<String, String, T>) (type == ScriptOutputType.VALUE
                ? new ValueOutput<>(StringCodec.UTF8) : new IntegerOutput<>(StringCodec.UTF8));
    }

    private static String digest(String script) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }
}
