package io.lambda.test;

import java.net.URI;
import java.util.Objects;

/**
 * Where a Redis server listens.
 *
 * @param host host name or address clients connect to
 * @param port TCP port
 */
public record RedisEndpoint(String host, int port) {

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code redis://host:port}, as Lettuce's {@code RedisClient.create(String)} and {@code spring.data.redis.url} take it. */
    public URI uri() {
        return URI.create("redis://" + host + ":" + port);
    }
}
