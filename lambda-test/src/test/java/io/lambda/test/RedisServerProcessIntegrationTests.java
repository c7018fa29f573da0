package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redis-server process itself: one per stack, own port, gone when its owner is. */
class RedisServerProcessIntegrationTests {

    @TempDir
    Path workDir;

    @Test
    void shouldRunSeparateServersOnDistinctPortsWithSeparateData() {
        try (RedisServerProcess first = RedisServerProcess.start(workDir.resolve("first"));
                RedisServerProcess second = RedisServerProcess.start(workDir.resolve("second"))) {

            assertThat(first.endpoint().port()).isNotEqualTo(second.endpoint().port());
            assertThat(first.pid()).isNotEqualTo(second.pid());

            set(first, "shared-key", "first");
            assertThat(get(second, "shared-key")).isNull();
            assertThat(get(first, "shared-key")).isEqualTo("first");
        }
    }

    @Test
    void shouldTerminateServerProcessOnClose() {
        RedisServerProcess redis = RedisServerProcess.start(workDir);
        ProcessHandle server = ProcessHandle.of(redis.pid()).orElseThrow();
        assertThat(server.info().command()).hasValueSatisfying(command -> assertThat(command).contains("redis-server"));

        redis.close();

        assertThat(server.isAlive()).isFalse();
        assertThat(redis.isAlive()).isFalse();
    }

    @Test
    void shouldTerminateServerWhenOwningJvmIsKilled() throws IOException {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + RedisExecutable.PROPERTY + "=" + RedisExecutable.locate(),
                "-cp", System.getProperty("java.class.path"),
                RedisServerChild.class.getName(), workDir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            ProcessHandle server = ProcessHandle.of(readPid(child)).orElseThrow();
            assertThat(server.isAlive()).isTrue();

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs in the child

            await().atMost(Duration.ofSeconds(10)).until(() -> !server.isAlive());
        } finally {
            child.destroyForcibly();
        }
    }

    private static long readPid(Process child) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(RedisServerChild.PID_MARKER)) {
                return Long.parseLong(line.substring(RedisServerChild.PID_MARKER.length()));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child JVM ended without starting redis-server:\n" + seen);
    }

    private static void set(RedisServerProcess redis, String key, String value) {
        withConnection(redis, connection -> Optional.of(connection.sync().set(key, value)));
    }

    private static String get(RedisServerProcess redis, String key) {
        return withConnection(redis, connection -> Optional.ofNullable(connection.sync().get(key))).orElse(null);
    }

    private static Optional<String> withConnection(RedisServerProcess redis,
            Function<StatefulRedisConnection<String, String>, Optional<String>> action) {
        RedisClient client = RedisClient.create(redis.endpoint().uri().toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return action.apply(connection);
        } finally {
            client.shutdown();
        }
    }
}
