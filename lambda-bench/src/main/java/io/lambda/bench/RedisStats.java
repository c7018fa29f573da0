package io.lambda.bench;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * What a Redis server reports about itself ({@code INFO}), so a benchmark can show what ingest's dedup costs outside
 * the JVM: Redis shares the machine's cores with the service.
 */
final class RedisStats implements AutoCloseable {

    private static final long IDLE_WAIT_NANOS = 10_000_000_000L;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisStats(String host, int port) {
        this.client = RedisClient.create(RedisURI.create(host, port));
        this.connection = client.connect();
    }

    /** CPU seconds of the server process since it started: user + system, and system alone. */
    record Cpu(double total, double system) {

        Cpu minus(Cpu earlier) {
            return new Cpu(total - earlier.total, system - earlier.system);
        }
    }

    Cpu cpu() {
        String info = redis().info("cpu");
        double system = field(info, "used_cpu_sys");
        return new Cpu(field(info, "used_cpu_user") + system, system);
    }

    /** {@code used_memory}: bytes the server has allocated for its data. */
    long usedMemory() {
        return (long) field(redis().info("memory"), "used_memory");
    }

    /** The members of all sets whose keys match {@code pattern}. */
    long setMembers(String pattern) {
        long members = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis().scan(cursor, ScanArgs.Builder.matches(pattern).limit(1_000));
            for (String key : page.getKeys()) {
                members += redis().scard(key);
            }
            cursor = page;
        } while (!cursor.isFinished());
        return members;
    }

    /**
     * Waits (at most 10 s) until the server has processed every command sent to it: until its count of processed
     * commands stays the same over 100 ms, apart from the {@code INFO} asking for it.
     */
    void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + IDLE_WAIT_NANOS;
        double before = commandsProcessed();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            double now = commandsProcessed();
            if (now - before <= 1) {
                return;
            }
            before = now;
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private double commandsProcessed() {
        return field(redis().info("stats"), "total_commands_processed");
    }

    private RedisCommands<String, String> redis() {
        return connection.sync();
    }

    private static double field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new IllegalStateException("INFO has no " + name);
    }
}
