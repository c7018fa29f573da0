package io.lambda.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a service: it records every request it read completely, and answers by path:
 * {@code .../slow} after 10 s (or when closed), {@code .../problem} with the service's own 503 problem, anything
 * else 200 with {@code {"upstream":"<name>"}}.
 */
final class RecordingUpstream implements AutoCloseable {

    static final String UPSTREAM_PROBLEM = "{\"type\":\"urn:problem:lambda:log-unavailable\",\"title\":\"Event log"
            + " unavailable\",\"status\":503,\"detail\":\"from the service\"}";

    /** What the service read: headers with lowercase names. */
    record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger incomplete = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    RecordingUpstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Requests whose URI contains {@code marker}. */
    List<Received> receivedWith(String marker) {
        return received().stream().filter(r -> r.uri().contains(marker)).toList();
    }

    /** Requests whose body could not be read to its end (the connection broke off). */
    int incomplete() {
        return incomplete.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                incomplete.incrementAndGet();
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/slow")) {
                awaitClose();
                respond(exchange, 200, "application/json", "{\"slow\":true}");
            } else if (path.endsWith("/problem")) {
                exchange.getResponseHeaders().set("Retry-After", "7");
                respond(exchange, 503, "application/problem+json", UPSTREAM_PROBLEM);
            } else {
                exchange.getResponseHeaders().set("X-Upstream", name);
                respond(exchange, 200, "application/json", "{\"upstream\":\"" + name + "\",\"bytes\":" + body.length + "}");
            }
        }
    }

    private void awaitClose() {
        try {
            closing.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
