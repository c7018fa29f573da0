package io.lambda.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** A real HTTP client of the gateway: Reactor Netty for ordinary and chunked requests, a raw socket for the rest. */
final class TestClient {

    /**
     * Only a guard against a request that never ends: every route has a shorter response timeout of its own. A cold
     * gateway's first request on a 2-core machine at load 20 has taken over 20 s.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Response(int status, Map<String, String> headers, String body) {

        @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final HttpClient client;

    TestClient(int port) {
        this.port = port;
        this.client = HttpClient.create(ConnectionProvider.newConnection()).responseTimeout(TIMEOUT);
    }

    Response get(String uri, Map<String, List<String>> headers) {
        return send("GET", uri, headers, null);
    }

    Response send(String method, String uri, Map<String, List<String>> headers, byte @Nullable [] body) {
        return sendAsync(method, uri, headers, body).block(TIMEOUT);
    }

    Mono<Response> sendAsync(String method, String uri, Map<String, List<String>> headers, byte @Nullable [] body) {
        HttpClient.RequestSender sender = client.headers(h -> {
            headers.forEach((name, values) -> values.forEach(value -> h.add(name, value)));
            if (body != null) {
                h.set("Content-Length", body.length);
            }
        }).request(HttpMethod.valueOf(method)).uri(url(uri));
        HttpClient.ResponseReceiver<?> receiver = body == null ? sender
                : sender.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)));
        return read(receiver);
    }

    /** Sends {@code chunks} as they come, without {@code Content-Length} (chunked transfer encoding). */
    Response sendChunked(String uri, Map<String, List<String>> headers, Flux<byte[]> chunks) {
        return read(client.headers(h -> headers.forEach((name, values) -> values.forEach(value -> h.add(name, value))))
                .post().uri(url(uri)).send(chunks.map(Unpooled::wrappedBuffer))).block(TIMEOUT);
    }

    /**
     * Writes the request line and {@code headers} (nothing else) on a raw socket and reads the answer, which must
     * come without the body ever being sent.
     */
    Response sendHeadersOnly(String method, String uri, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder request = new StringBuilder(method + " " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    private static Response readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                responseHeaders.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(responseHeaders.getOrDefault("content-length", "0"));
        return new Response(status, responseHeaders, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String url(String uri) {
        return "http://127.0.0.1:" + port + uri;
    }

    private static Mono<Response> read(HttpClient.ResponseReceiver<?> receiver) {
        return receiver.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(text -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    response.responseHeaders().forEach(e -> headers.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(),
                            (a, b) -> a + "," + b));
                    return new Response(response.status().code(), headers, text);
                }));
    }
}
