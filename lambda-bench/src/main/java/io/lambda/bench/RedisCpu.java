package io.lambda.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The CPU time the Redis server has used so far ({@code INFO cpu}: user + system of the server process), so a
 * benchmark can show what ingest's dedup costs outside the JVM: Redis shares the machine's cores with the service.
 */
final class RedisCpu implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisCpu(String host, int port) {
        this.client = RedisClient.create(RedisURI.create(host, port));
        this.connection = client.connect();
    }

    /** Seconds of CPU the server has used since it started. */
    double seconds() {
        double total = 0;
        for (String line : connection.sync().info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
