package io.lambda.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection, for load generation: it spends next to no CPU, so the
 * machine's cores go to the service under test (the JDK's {@code HttpClient} costs about a millisecond of CPU per
 * 300 KB request). POST and GET, optionally with an API key: the gateway benchmarks send the same bytes to the gateway
 * and, for their baselines, straight to a service (which ignores the key), so both paths cost the client alike. One
 * instance per client thread; not thread-safe.
 */
final class KeepAliveHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final String extraHeaders;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream(64 * 1024);
    private final StringBuilder line = new StringBuilder();
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttpClient(String host, int port) throws IOException {
        this(host, port, null);
    }

    /**
     * @param apiKey sent as {@code X-API-Key} on every request, or null
     */
    KeepAliveHttpClient(String host, int port, @Nullable String apiKey) throws IOException {
        this.host = host;
        this.port = port;
        this.extraHeaders = apiKey == null ? "" : "X-API-Key: " + apiKey + "\r\n";
        connect();
    }

    /** An answer: status, body size, and the body text (see {@link #get(String, boolean)}). */
    record Response(int status, int length, String body) {
    }

    /** POSTs {@code body} to {@code path}; reconnects once if the server closed the idle connection. */
    Response post(String path, String contentType, byte[] body) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + extraHeaders
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        return exchangeOrRetry(head, body, true);
    }

    /** GETs {@code path} (already encoded) with its body; reconnects once if the server closed the idle connection. */
    Response get(String path) throws IOException {
        return get(path, true);
    }

    /**
     * GETs {@code path}; the body text only when {@code keepBody} or the status is not 200 (building it costs the
     * client CPU a latency benchmark should not spend), its size always.
     */
    Response get(String path, boolean keepBody) throws IOException {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + extraHeaders
                + "Accept: application/json\r\n\r\n";
        return exchangeOrRetry(head, new byte[0], keepBody);
    }

    private Response exchangeOrRetry(String head, byte[] body, boolean keepBody) throws IOException {
        try {
            return exchange(head, body, keepBody);
        } catch (IOException e) {
            close();
            connect();
            return exchange(head, body, keepBody);
        }
    }

    private Response exchange(String head, byte[] body, boolean keepBody) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = line();
        int contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while (!(header = line()).isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        content.reset();
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
                content.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (contentLength >= 0) {
            content.write(in.readNBytes(contentLength));
        }
        if (close) {
            close();
            connect();
        }
        int code = Integer.parseInt(status.substring(9, 12));
        return new Response(code, content.size(),
                keepBody || code != 200 ? content.toString(StandardCharsets.UTF_8) : "");
    }

    private String line() throws IOException {
        line.setLength(0);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
