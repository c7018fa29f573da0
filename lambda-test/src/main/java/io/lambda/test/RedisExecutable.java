package io.lambda.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * Finds a {@code redis-server} binary: the system property {@value #PROPERTY}, else
 * {@code redis-server} on the {@code PATH}, else the binary packaged in
 * {@code com.github.codemonstur:embedded-redis} (extracted once into the temporary directory).
 */
public final class RedisExecutable {

    /** System property naming a {@code redis-server} binary to use instead of the search. */
    public static final String PROPERTY = "lambda.test.redis-server";

    private static @Nullable Path extracted;

    private RedisExecutable() {
    }

    /** The binary to run. */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(PROPERTY + "=" + configured + " is not an executable file");
            }
            return path;
        }
        return onPath().orElseGet(RedisExecutable::packaged);
    }

    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Extracts the packaged binary once into {@code java.io.tmpdir/lambda-redis-<user>/} and reuses
     * it from then on, also across JVMs. Concurrent JVMs write to their own temporary file and move
     * it into place atomically, so nobody ever runs a half-written binary.
     */
    static synchronized Path packaged() {
        if (extracted != null) {
            return extracted;
        }
        Map<OsArchitecture, String> resources = ExecutableProvider.newProvidedVersionsMap();
        OsArchitecture platform = OsArchitecture.detectOSandArchitecture();
        String resource = resources.get(platform);
        if (resource == null) {
            throw new IllegalStateException("embedded-redis packages no redis-server for " + platform.os + "/"
                    + platform.arch + "; install redis-server on the PATH or set -D" + PROPERTY);
        }
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                    "lambda-redis-" + System.getProperty("user.name", "user")));
            Path binary = dir.resolve(Path.of(resource).getFileName().toString());
            long expectedSize = resourceSize(resource);
            if (!Files.isExecutable(binary) || Files.size(binary) != expectedSize) {
                Path partial = Files.createTempFile(dir, "redis-server-", ".partial");
                try (InputStream in = ExecutableProvider.class.getResourceAsStream(resource)) {
                    Files.copy(Objects.requireNonNull(in, resource), partial, StandardCopyOption.REPLACE_EXISTING);
                }
                if (!partial.toFile().setExecutable(true, false)) {
                    throw new IllegalStateException("cannot make " + partial + " executable");
                }
                Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            extracted = binary;
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("extracting redis-server from embedded-redis", e);
        }
    }

    private static long resourceSize(String resource) throws IOException {
        try (InputStream in = ExecutableProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("embedded-redis resource " + resource + " missing from the classpath");
            }
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
