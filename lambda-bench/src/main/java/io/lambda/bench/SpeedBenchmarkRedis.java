package io.lambda.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.PartialField;
import io.lambda.core.serving.ServingKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * What the speed benchmark reads from Redis: the flushed positions ({@code s:{v:ver:p}:offset}, one {@code MGET}),
 * {@code INFO commandstats}, and the stored partials with their serialized size and {@code MEMORY USAGE}. It sends
 * only {@code MGET} and {@code INFO} while the figures are counted, and {@link #OWN_COMMANDS} are left out of them.
 */
final class SpeedBenchmarkRedis implements AutoCloseable {

    /** Commands only the benchmark sends while Redis commands are counted: not the speed service's. */
    static final Set<String> OWN_COMMANDS = Set.of("mget", "info");

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> strings;
    private final StatefulRedisConnection<String, byte[]> bytes;
    private final ServingKeys keys;
    private final int partitions;
    private List<Version> views = List.of();
    private String[] offsetKeys = new String[0];

    /** A view version the speed service computes, as its health details name it ({@code name:version}). */
    record Version(String name, String version) {

        static Version parse(String nameAndVersion) {
            int colon = nameAndVersion.indexOf(':');
            return new Version(nameAndVersion.substring(0, colon), nameAndVersion.substring(colon + 1));
        }
    }

    SpeedBenchmarkRedis(String host, int port, ServingKeys keys, int partitions) {
        this.client = RedisClient.create(RedisURI.create(host, port));
        this.strings = client.connect();
        this.bytes = client.connect(CODEC);
        this.keys = keys;
        this.partitions = partitions;
    }

    /** The view versions whose partials {@link #flushed()} and {@link #stored()} read. */
    void versions(List<Version> versions) {
        this.views = List.copyOf(versions);
        List<String> offsets = new ArrayList<>();
        for (Version view : views) {
            for (int p = 0; p < partitions; p++) {
                offsets.add(keys.speedOffset(view.name(), view.version(), p));
            }
        }
        this.offsetKeys = offsets.toArray(String[]::new);
    }

    /**
     * Per partition, the smallest flushed position over the view versions (0 when a version has none yet): the
     * records before it are visible in Redis for every view.
     */
    long[] flushed() {
        List<KeyValue<String, String>> values = strings.sync().mget(offsetKeys);
        long[] flushed = new long[partitions];
        Arrays.fill(flushed, Long.MAX_VALUE);
        for (int i = 0; i < values.size(); i++) {
            int p = i % partitions;
            KeyValue<String, String> value = values.get(i);
            flushed[p] = Math.min(flushed[p], value.hasValue() ? Long.parseLong(value.getValue()) : 0);
        }
        return flushed;
    }

    /** {@code INFO commandstats}: calls per command (lower case), script-internal calls included. */
    Map<String, Long> commandCalls() {
        Map<String, Long> calls = new HashMap<>();
        for (String line : strings.sync().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                int at = line.indexOf("calls=") + "calls=".length();
                int end = line.indexOf(',', at);
                calls.put(name, Long.parseLong(line.substring(at, end < 0 ? line.length() : end)));
            }
        }
        return calls;
    }

    /** The calls per command between two {@link #commandCalls()}, the benchmark's own commands left out, most first. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((command, calls) -> {
            long d = calls - before.getOrDefault(command, 0L);
            if (d > 0 && !OWN_COMMANDS.contains(command)) {
                delta.put(command, d);
            }
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** What one view version stores as speed partials, over every partition. */
    record Stored(String view, long hashes, long aggregates, long payloadBytes, long fieldBytes, long memoryUsage) {
    }

    /**
     * Every partial hash of every view version, found through the partitions' indexes: its aggregates (fields other
     * than {@code ~offset}), their serialized bytes, the field names' bytes, and {@code MEMORY USAGE key SAMPLES 0}.
     */
    List<Stored> stored() {
        List<Stored> stored = new ArrayList<>();
        RedisCommands<String, byte[]> redis = bytes.sync();
        for (Version view : views) {
            long hashes = 0;
            long aggregates = 0;
            long payload = 0;
            long fieldBytes = 0;
            long memory = 0;
            for (int p = 0; p < partitions; p++) {
                for (byte[] member : redis.zrange(keys.speedIndex(view.name(), view.version(), p), 0, -1)) {
                    ChunkRef chunk = ChunkRef.decode(new String(member, StandardCharsets.UTF_8));
                    String hash = keys.speedPartial(view.name(), view.version(), p, chunk.granularity(),
                            chunk.rollup(), chunk.chunkStart());
                    hashes++;
                    for (Map.Entry<String, byte[]> field : redis.hgetall(hash).entrySet()) {
                        if (!PartialField.isReserved(field.getKey())) {
                            aggregates++;
                            payload += field.getValue().length;
                            fieldBytes += field.getKey().getBytes(StandardCharsets.UTF_8).length;
                        }
                    }
                    Long usage = redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(CODEC),
                            new CommandArgs<>(CODEC).add("USAGE").addKey(hash).add("SAMPLES").add(0));
                    memory += usage == null ? 0 : usage;
                }
            }
            stored.add(new Stored(view.name(), hashes, aggregates, payload, fieldBytes, memory));
        }
        return stored;
    }

    @Override
    public void close() {
        bytes.close();
        strings.close();
        client.shutdown();
    }
}
