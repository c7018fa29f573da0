package io.lambda.speed;

import java.util.List;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

/**
 * The speed service's two Redis connections, standalone or cluster ({@code spring.data.redis.*}): text for startup
 * work (slot length, version registry, lag) and text keys with byte values for the flushes.
 */
final class SpeedRedisConnections implements AutoCloseable {

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> text;
    private final StatefulConnection<String, byte[]> bytes;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, byte[]> async;

    SpeedRedisConnections(DataRedisProperties properties) {
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        List<String> nodes = properties.getCluster() == null ? List.of() : properties.getCluster().getNodes();
        if (nodes != null && !nodes.isEmpty()) {
            RedisClusterClient cluster = RedisClusterClient.create(nodes.stream()
                    .map(node -> uri(properties, node.substring(0, node.lastIndexOf(':')),
                            Integer.parseInt(node.substring(node.lastIndexOf(':') + 1))))
                    .toList());
            StatefulRedisClusterConnection<String, String> t = cluster.connect();
            StatefulRedisClusterConnection<String, byte[]> b = cluster.connect(codec);
            client = cluster;
            text = t;
            bytes = b;
            sync = t.sync();
            async = b.async();
        } else {
            RedisClient standalone = RedisClient.create(properties.getUrl() != null
                    ? RedisURI.create(properties.getUrl())
                    : uri(properties, properties.getHost(), properties.getPort()));
            StatefulRedisConnection<String, String> t = standalone.connect();
            StatefulRedisConnection<String, byte[]> b = standalone.connect(codec);
            client = standalone;
            text = t;
            bytes = b;
            sync = t.sync();
            async = b.async();
        }
    }

    private static RedisURI uri(DataRedisProperties properties, String host, int port) {
        RedisURI.Builder uri = RedisURI.Builder.redis(host, port).withDatabase(properties.getDatabase())
                .withSsl(properties.getSsl().isEnabled());
        if (properties.getPassword() != null) {
            if (properties.getUsername() != null) {
                uri.withAuthentication(properties.getUsername(), properties.getPassword());
            } else {
                uri.withPassword(properties.getPassword().toCharArray());
            }
        }
        if (properties.getTimeout() != null) {
            uri.withTimeout(properties.getTimeout());
        }
        return uri.build();
    }

    RedisClusterCommands<String, String> sync() {
        return sync;
    }

    RedisClusterAsyncCommands<String, byte[]> async() {
        return async;
    }

    @Override
    public void close() {
        bytes.close();
        text.close();
        client.shutdown();
    }
}
