package io.lambda.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service of the platform as its own operating-system process: {@code java -jar <module>-exec.jar --name=value...},
 * its output in a log file, healthy when its Actuator health on the management port answers {@code UP}.
 */
public final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final List<String> arguments;
    private final Path logFile;
    private final int port;
    private final int managementPort;
    private final List<String> jvmOptions;
    private @Nullable Process process;

    /**
     * @param arguments Spring arguments ({@code --name=value}); the ports are added
     */
    public ServiceProcess(String name, Path jar, List<String> jvmOptions, List<String> arguments, Path logFile, int port,
            int managementPort) {
        this.name = Objects.requireNonNull(name, "name");
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.logFile = logFile;
        this.port = port;
        this.managementPort = managementPort;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the process (appending to its log file). */
    public synchronized void start() {
        List<String> command = new ArrayList<>();
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        command.addAll(arguments);
        launch(command);
    }

    /**
     * Starts another main class from the jar's classpath instead of a service, e.g. through Spring Boot's
     * {@code PropertiesLauncher} with {@code -Dloader.main} among the JVM options.
     */
    public synchronized void startMain(String mainClass, List<String> programArguments) {
        List<String> command = new ArrayList<>(List.of("-cp", jar.toString(), mainClass));
        command.addAll(programArguments);
        launch(command);
    }

    private void launch(List<String> afterJvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build it first (./mvnw -B -q package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(afterJvmOptions);
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + name, e);
        }
        log.debug("Started {} pid={}: {}", name, process.pid(), command);
    }

    /**
     * Waits until the service reports {@code UP} on its management port.
     *
     * @throws IllegalStateException with the tail of its log when it exits or is not healthy in time
     */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with code " + exitCode() + "; its log ends:\n"
                        + logTail(40));
            }
            if (isHealthy()) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; its log ends:\n" + logTail(40));
    }

    /** Whether Actuator health answers {@code UP} now. */
    public boolean isHealthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code, or null while running. */
    public synchronized @Nullable Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** Stops gracefully (SIGTERM), then forcibly after a timeout. */
    public synchronized void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}; killing it", name, STOP_TIMEOUT);
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
    public synchronized void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The last lines of the log file. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // a poll interval of a bounded wait, not a sleep-and-hope
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
