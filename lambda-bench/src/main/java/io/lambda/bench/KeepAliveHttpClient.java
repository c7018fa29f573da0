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
 * A minimal HTTP/1.1 client on one keep-alive connection, for load generation: it spends next to no CPU, so the
 * machine's cores go to the service under test (the JDK's {@code HttpClient} costs about a millisecond of CPU per
 * 300 KB request). One instance per client thread; not thread-safe.
 */
final class KeepAliveHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttpClient(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        connect();
    }

    /** An answer: status and body text. */
    record Response(int status, String body) {
    }

    /** POSTs {@code body} to {@code path}; reconnects once if the server closed the idle connection. */
    Response post(String path, String contentType, byte[] body) throws IOException {
        try {
            return exchange(path, contentType, body);
        } catch (IOException e) {
            close();
            connect();
            return exchange(path, contentType, body);
        }
    }

    private Response exchange(String path, String contentType, byte[] body) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
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
