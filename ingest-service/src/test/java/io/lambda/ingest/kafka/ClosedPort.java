package io.lambda.ingest.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A local port nothing listens on: connecting to it is refused at once. */
public final class ClosedPort {

    private ClosedPort() {
    }

    public static int find() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
