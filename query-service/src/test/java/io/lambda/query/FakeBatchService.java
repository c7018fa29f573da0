package io.lambda.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/** A stand-in for the batch service's {@code GET /api/v1/batch/runs} (API.md): answers the body set by the test. */
final class FakeBatchService {

    private final HttpServer server;
    private final AtomicReference<String> runs = new AtomicReference<>("[]");

    private FakeBatchService(HttpServer server) {
        this.server = server;
    }

    static FakeBatchService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeBatchService fake = new FakeBatchService(server);
            server.createContext("/api/v1/batch/runs", exchange -> {
                byte[] body = fake.runs.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String runsJson) {
        runs.set(runsJson);
    }
}
