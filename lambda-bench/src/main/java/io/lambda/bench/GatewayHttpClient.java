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

/**
 * {@link KeepAliveHttpClient}'s minimal HTTP/1.1 client on one keep-alive connection, with GET and an API key: the
 * gateway benchmarks send the same bytes to the gateway and, for their baselines, straight to a service (which
 * ignores the key), so both paths cost the client alike. One instance per client thread; not thread-safe.
 */
final class GatewayHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final String extraHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /**
     * @param apiKey sent as {@code X-API-Key} on every request
     */
    GatewayHttpClient(String host, int port, String apiKey) throws IOException {
        this.host = host;
        this.port = port;
        this.extraHeaders = "X-API-Key: " + apiKey + "\r\n";
        connect();
    }

    /** An answer: status and body text. */
    record Response(int status, String body) {
    }

    /** POSTs {@code body} to {@code path}; reconnects once if the server closed the idle connection. */
    Response post(String path, String contentType, byte[] body) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + extraHeaders
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        return exchangeOrRetry(head, body);
    }

    /** GETs {@code path} (already encoded); reconnects once if the server closed the idle connection. */
    Response get(String path) throws IOException {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + extraHeaders + "\r\n";
        return exchangeOrRetry(head, new byte[0]);
    }

    private Response exchangeOrRetry(String head, byte[] body) throws IOException {
        try {
            return exchange(head, body);
        } catch (IOException e) {
            close();
            connect();
            return exchange(head, body);
        }
    }

    private Response exchange(String head, byte[] body) throws IOException {
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
        ByteArrayOutputStream content = new ByteArrayOutputStream();
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
        return new Response(Integer.parseInt(status.substring(9, 12)), content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
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
