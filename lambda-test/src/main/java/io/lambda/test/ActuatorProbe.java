package io.lambda.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a running service's Actuator endpoints over real HTTP, as an operator's probe would.
 */
public final class ActuatorProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ActuatorProbe() {
    }

    /** GETs {@code /actuator/<endpoint>} on 127.0.0.1 at the given management port. */
    public static HttpResponse<String> get(int managementPort, String endpoint) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/" + endpoint))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + request.uri(), e);
        }
    }
}
