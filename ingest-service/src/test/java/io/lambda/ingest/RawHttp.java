package io.lambda.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} hides: a request body streamed from a generator on
 * its own thread while the response is read, so a test can count how much of the body the server took before it
 * answered.
 */
public final class RawHttp {

    private static final int CHUNK = 64 * 1024;

    private RawHttp() {
    }

    /**
     * POSTs a body of {@code bodyBytes} bytes: {@code head}, then spaces. Chunked when {@code declareLength} is false,
     * else with a {@code Content-Length}. The body is written on another thread; this one reads the response.
     */
    public static Exchange postStreaming(int port, String contentType, byte[] head, long bodyBytes,
            boolean declareLength) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String headers = "POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: "
                    + contentType + "\r\n"
                    + (declareLength ? "Content-Length: " + bodyBytes : "Transfer-Encoding: chunked") + "\r\n\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(
                    () -> writeBody(out, head, bodyBytes, declareLength, written));
            Response response = readResponse(socket.getInputStream());
            long writtenWhenAnswered = written.get();
            try { // a server that stopped reading closes the connection, which ends the writer
                writer.get(20, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still blocked after 20 s: the server neither reads nor closes; closing the socket ends the writer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean writerEndedByItself = writer.isDone();
            socket.close();
            writer.handle((ignored, failure) -> null).join();
            return new Exchange(response, writtenWhenAnswered, written.get(), writerEndedByItself);
        }
    }

    private static void writeBody(OutputStream out, byte[] head, long bodyBytes, boolean declareLength,
            AtomicLong written) {
        byte[] spaces = new byte[CHUNK];
        Arrays.fill(spaces, (byte) ' ');
        try {
            long remaining = bodyBytes;
            byte[] first = head;
            while (remaining > 0) {
                byte[] data = first != null ? first : spaces;
                int length = (int) Math.min(data.length, remaining);
                if (!declareLength) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(data, 0, length);
                if (!declareLength) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                written.addAndGet(length);
                remaining -= length;
                first = null;
            }
            if (!declareLength) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the server stopped reading and closed the connection: what these tests expect
        }
    }

    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            int size;
            while ((size = Integer.parseInt(readLine(in).trim(), 16)) > 0) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new UncheckedIOException(new IOException("connection closed inside the response head"));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A response as read from the socket; header names lower-case. */
    public record Response(int status, Map<String, String> headers, String body) {

        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * @param response what the server answered
     * @param bytesWrittenWhenAnswered body bytes the socket had taken when the response head had been read
     * @param bytesWritten body bytes the socket took in all, until the server closed the connection
     * @param writerEnded whether the writer finished on its own (wrote all or saw the connection closed)
     */
    public record Exchange(Response response, long bytesWrittenWhenAnswered, long bytesWritten, boolean writerEnded) {
    }
}
