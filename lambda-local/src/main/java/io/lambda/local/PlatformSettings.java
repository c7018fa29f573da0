package io.lambda.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the local platform runs: where the built jars and the data live, the names it uses in Kafka and Redis, the
 * slot length and batch interval, and every port (management ports are the public port plus 1000).
 *
 * @param repositoryRoot the checkout holding {@code <module>/target/<module>-*-exec.jar} and {@code config/views.yml}
 * @param dataDirectory  where service logs and the batch job repository live
 * @param topic          the event topic
 * @param keyPrefix      the Redis key prefix
 * @param slot           the ingest slot length
 * @param batchInterval  how often the batch layer recomputes on its own
 * @param ports          public ports
 * @param jvmOptions     options of every service JVM
 * @param overrides      per service (ingest, speed, batch, query, gateway), properties that win over the platform's
 *                       (e.g. the gateway's API keys; without any, the {@code local} profile's one key)
 */
public record PlatformSettings(Path repositoryRoot, Path dataDirectory, String topic, String keyPrefix, Duration slot,
        Duration batchInterval, Ports ports, List<String> jvmOptions, Map<String, Map<String, Object>> overrides) {

    public PlatformSettings {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        jvmOptions = List.copyOf(jvmOptions);
        overrides = Map.copyOf(overrides);
    }

    /** The public port of each service. */
    public record Ports(int gateway, int ingest, int query, int speed, int batch) {

        /** The fixed ports of README.md. */
        public static Ports defaults() {
            return new Ports(8080, 8081, 8082, 8083, 8084);
        }

        /** Free ports, for tests that run beside other things (management ports, +1000, are assumed free too). */
        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }

        private static int freePort() {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    int port = socket.getLocalPort();
                    if (port < 64_000) {
                        try (ServerSocket management = new ServerSocket(port + 1000)) {
                            return port;
                        } catch (IOException taken) {
                            // try another
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            throw new IllegalStateException("no free port pair found");
        }
    }

    /** The runnable jar of a module. */
    public Path jar(String module) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith(module + "-")
                    && f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + module + "-*-exec.jar in " + target
                            + ": build it first (./mvnw -B -q package -DskipTests)"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": build the modules first (./mvnw -B -q package -DskipTests)",
                    e);
        }
    }

    /** The repository root seen from the working directory: itself, or its parent when run inside a module. */
    public static Path findRepositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("speed-service")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from the repository (no speed-service/ above " + here + ")");
    }
}
