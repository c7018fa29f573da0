package io.lambda.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.awaitility.Awaitility;

/**
 * A one-node Redis Cluster: a {@link RedisServerProcess} in cluster mode that owns all 16,384 hash slots. Clients
 * speak the cluster protocol to it ({@code RedisClusterClient}), and the server refuses, as every cluster does, a
 * command whose keys lie in different slots ({@code CROSSSLOT}), so code meant for a Redis Cluster is tested
 * against the real rules. Each instance is its own server; close it when done.
 */
public final class RedisClusterNode implements AutoCloseable {

    private static final int SLOTS = 16_384;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final RedisServerProcess server;

    private RedisClusterNode(RedisServerProcess server) {
        this.server = server;
    }

    /** Starts a cluster-mode server working in {@code workDir}, assigns it every slot and waits until the cluster is ok. */
    public static RedisClusterNode start(Path workDir) {
        RedisServerProcess server = RedisServerProcess.start(workDir, List.of("--cluster-enabled", "yes",
                "--cluster-config-file", workDir.resolve("nodes-" + System.nanoTime() + ".conf").toString()));
        RedisClient client = RedisClient.create(server.endpoint().uri().toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            int[] slots = new int[SLOTS];
            for (int slot = 0; slot < SLOTS; slot++) {
                slots[slot] = slot;
            }
            redis.clusterAddSlots(slots);
            Awaitility.await("cluster_state:ok on " + server.endpoint()).atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> redis.clusterInfo().contains("cluster_state:ok"));
            return new RedisClusterNode(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        } finally {
            client.shutdown();
        }
    }

    public RedisEndpoint endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }
}
