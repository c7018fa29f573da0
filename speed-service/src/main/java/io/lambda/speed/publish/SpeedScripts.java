package io.lambda.speed.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The Lua scripts of the speed layer (KEYS.md "Speed flush", "Speed cleanup"); every key of one call shares a tag. */
final class SpeedScripts {

    /** Outcome codes of {@link #FLUSH}. */
    static final long REFUSED = 0;
    static final long WRITTEN = 1;
    static final long GENERATION_CHANGED = 2;

    /**
     * KEYS: offset, idx, from, gen, floor, then the partial hashes. ARGV[1] position, ARGV[2] from, ARGV[3] the
     * generation the task expects ('' none), ARGV[4] a new generation for a full rewrite ('' otherwise), ARGV[5] the
     * task's floor ('' none), then per hash: its ChunkRef, its score, its field count n, and n field/value pairs. The
     * floor is raised (never lowered) before any partial is written, in the same script, so rewritten partials are
     * never visible without it. HSET goes in batches: unpack has a stack limit.
     */
    static final String FLUSH = """
            local stored = redis.call('GET', KEYS[1])
            if stored and tonumber(stored) > tonumber(ARGV[1]) then
              return 0
            end
            if ARGV[4] ~= '' then
              redis.call('SET', KEYS[4], ARGV[4])
            else
              local gen = redis.call('GET', KEYS[4])
              if (not gen) or gen ~= ARGV[3] then
                return 2
              end
            end
            if ARGV[5] ~= '' then
              local floor = redis.call('GET', KEYS[5])
              if (not floor) or tonumber(floor) < tonumber(ARGV[5]) then
                redis.call('SET', KEYS[5], ARGV[5])
              end
            end
            local a = 6
            for i = 6, #KEYS do
              local member = ARGV[a]
              local score = ARGV[a + 1]
              local n = tonumber(ARGV[a + 2])
              a = a + 3
              local args = {'~offset', ARGV[1]}
              for j = 1, n do
                args[#args + 1] = ARGV[a]
                args[#args + 1] = ARGV[a + 1]
                a = a + 2
                if #args >= 400 then
                  redis.call('HSET', KEYS[i], unpack(args))
                  args = {}
                end
              end
              if #args > 0 then
                redis.call('HSET', KEYS[i], unpack(args))
              end
              redis.call('ZADD', KEYS[2], score, member)
            end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[3], ARGV[2], 'NX')
            return 1
            """;

    /**
     * KEYS[1] idx, KEYS[2] floor; ARGV[1] the slot chunk start of T (epoch seconds), ARGV[2] the key prefix of the
     * partition's hashes ({@code <p>s:{v:ver:p}:}), ARGV[3] T (epoch seconds): the floor is raised to it (never
     * lowered), even when no whole chunk ends before T, since the task dropped its cells of slots before T. The
     * hashes share the index's tag, so the script stays on one cluster slot.
     */
    static final String CLEANUP = """
            local floor = redis.call('GET', KEYS[2])
            if (not floor) or tonumber(floor) < tonumber(ARGV[3]) then
              redis.call('SET', KEYS[2], ARGV[3])
            end
            local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
            for _, member in ipairs(members) do
              redis.call('UNLINK', ARGV[2] .. member)
              redis.call('ZREM', KEYS[1], member)
            end
            return #members
            """;

    static final String FLUSH_SHA = sha1(FLUSH);
    static final String CLEANUP_SHA = sha1(CLEANUP);

    private SpeedScripts() {
    }

    static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
