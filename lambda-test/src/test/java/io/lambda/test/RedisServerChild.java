package io.lambda.test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point of a separate JVM for {@link RedisServerProcessIntegrationTests}: starts a
 * redis-server, prints its pid and blocks until stdin closes or the JVM is killed.
 */
final class RedisServerChild {

    static final String PID_MARKER = "REDIS_PID=";

    private RedisServerChild() {
    }

    public static void main(String[] args) throws IOException {
        RedisServerProcess redis = RedisServerProcess.start(Path.of(args[0]));
        System.out.println(PID_MARKER + redis.pid());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to close stdin or kill this JVM
        }
        redis.close();
    }
}
