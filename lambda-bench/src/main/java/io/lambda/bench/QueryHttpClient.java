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
 * GET on one keep-alive HTTP/1.1 connection, for the query benchmark's load: like {@link KeepAliveHttpClient} (which
 * only POSTs) it spends next to no CPU, so the cores go to the query service. One instance per client thread.
 */
final class QueryHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream(256 * 1024);
    private final StringBuilder line = new StringBuilder();
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    QueryHttpClient(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        connect();
    }

    /** An answer: status and body size; the body text only when asked for. */
    record Response(int status, int length, String body) {
    }

    /** GETs {@code pathAndQuery}; reconnects once if the server closed the idle connection. */
    Response get(String pathAndQuery, boolean keepBody) throws IOException {
        try {
            return exchange(pathAndQuery, keepBody);
        } catch (IOException e) {
            close();
            connect();
            return exchange(pathAndQuery, keepBody);
        }
    }

    private Response exchange(String pathAndQuery, boolean keepBody) throws IOException {
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
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
        return new Response(Integer.parseInt(status.substring(9, 12)), content.size(),
                keepBody || !status.startsWith("HTTP/1.1 200") ? content.toString(StandardCharsets.UTF_8) : "");
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
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
