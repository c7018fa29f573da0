package io.lambda.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.lambda.test.RedisEndpoint;
import io.lambda.test.RedisServerProcess;

/**
 * One real {@code redis-server} for this test JVM. The gateway needs only Redis, so its tests start lambda-test's
 * {@link RedisServerProcess} alone rather than the whole {@code LambdaStack} (Kafka and S3 would only cost startup
 * time on a shared machine).
 */
final class TestRedis {

    private static RedisServerProcess process;

    private TestRedis() {
    }

    static synchronized RedisEndpoint endpoint() {
        if (process == null) {
            try {
                process = RedisServerProcess.start(Files.createTempDirectory("gateway-redis"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(process::close, "gateway-redis-shutdown"));
        }
        return process.endpoint();
    }
}
