package io.lambda.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} child process bound to 127.0.0.1, without persistence.
 *
 * <p>The server runs under a small {@code sh} watchdog that reads the JVM's pipe to its stdin and
 * terminates the server when that pipe closes. The pipe closes whenever this JVM ends, so the
 * server also goes away when the JVM is killed without running shutdown hooks ({@code kill -9},
 * a crashed or timed-out Surefire fork).
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisServerProcess.class);

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);
    private static final int PORT_ATTEMPTS = 3;

    /** $0 is the server binary, "$@" its arguments; prints the server's pid, then waits for stdin EOF. */
    private static final String WATCHDOG = """
            "$0" "$@" </dev/null &
            pid=$!
            echo "$pid"
            read -r _ || true
            kill -TERM "$pid" 2>/dev/null
            wait "$pid"
            """;

    private final Process watchdog;
    private final ProcessHandle server;
    private final int port;
    private final Path workDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisServerProcess(Process watchdog, ProcessHandle server, int port, Path workDir) {
        this.watchdog = watchdog;
        this.server = server;
        this.port = port;
        this.workDir = workDir;
    }

    /** Starts the binary from {@link RedisExecutable#locate()} on a free port, working in {@code workDir}. */
    public static RedisServerProcess start(Path workDir) {
        return start(workDir, List.of());
    }

    /**
     * Starts the binary from {@link RedisExecutable#locate()} on a free port, working in {@code workDir}, with
     * {@code extraArguments} after the standard ones (e.g. {@code --cluster-enabled yes}).
     */
    public static RedisServerProcess start(Path workDir, List<String> extraArguments) {
        Path executable = RedisExecutable.locate();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            try {
                return start(executable, workDir, freePort(), extraArguments);
            } catch (IllegalStateException e) {
                // most likely another process took the free port between probing and binding
                failure = e;
            }
        }
        throw failure;
    }

    /** Starts {@code executable} on {@code port}; fails unless it answers PING within 15 s. */
    public static RedisServerProcess start(Path executable, Path workDir, int port) {
        return start(executable, workDir, port, List.of());
    }

    /** Like {@link #start(Path, Path, int)}, with more arguments for redis-server (later ones win, e.g. {@code --appendonly yes}). */
    public static RedisServerProcess start(Path executable, Path workDir, int port, List<String> extraArguments) {
        try {
            Files.createDirectories(workDir);
            Path logFile = workDir.resolve("redis-" + port + ".log");
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, executable.toString(),
                    "--port", Integer.toString(port), "--bind", HOST, "--save", "", "--appendonly", "no",
                    "--daemonize", "no", "--dir", workDir.toString(), "--logfile", logFile.toString()));
            command.addAll(extraArguments);
            Process watchdog = new ProcessBuilder(command)
                    .redirectError(workDir.resolve("watchdog-" + port + ".err").toFile())
                    .start();
            ProcessHandle server = ProcessHandle.of(readPid(watchdog))
                    .orElseThrow(() -> new IllegalStateException("redis-server exited right after start; see " + logFile));
            RedisServerProcess process = new RedisServerProcess(watchdog, server, port, workDir);
            process.awaitPong(logFile);
            log.info("Started redis-server pid={} on {}:{} binary={} dir={}", server.pid(), HOST, port, executable, workDir);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("starting redis-server " + executable, e);
        }
    }

    public RedisEndpoint endpoint() {
        return new RedisEndpoint(HOST, port);
    }

    /** Process id of the {@code redis-server} process itself. */
    public long pid() {
        return server.pid();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    public Path workDir() {
        return workDir;
    }

    /** Terminates the server (SIGTERM, then SIGKILL after 5 s) and waits until it is gone. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            watchdog.getOutputStream().close();
        } catch (IOException e) {
            log.debug("Closing watchdog stdin failed; killing redis-server pid={} directly", server.pid(), e);
        }
        try {
            server.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.destroyForcibly();
            server.onExit().orTimeout(5, TimeUnit.SECONDS).join();
        }
        watchdog.destroyForcibly();
        log.info("Stopped redis-server pid={} port={}", server.pid(), port);
    }

    private static long readPid(Process watchdog) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII));
        String line = reader.readLine();
        if (line == null) {
            throw new IllegalStateException("redis-server watchdog exited before starting the server");
        }
        return Long.parseLong(line.trim());
    }

    private void awaitPong(Path logFile) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                close();
                throw new IllegalStateException("redis-server exited during startup on port " + port + ": " + tail(logFile));
            }
            if (answersPing()) {
                return;
            }
            pause();
        }
        close();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = socket.getInputStream().readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
