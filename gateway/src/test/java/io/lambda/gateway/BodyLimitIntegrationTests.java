package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.lambda.gateway.TestClient.Response;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class BodyLimitIntegrationTests extends GatewayTestSupport {

    static final String TOO_LARGE = "{\"type\":\"urn:problem:lambda:body-too-large\",\"title\":\"Request body too large\","
            + "\"status\":413,\"detail\":\"The request body is larger than 65536 bytes\"}";

    @Test
    void shouldRefuseADeclaredLengthOverTheLimitBeforeReadingTheBody() throws IOException {
        String marker = uniqueMarker();

        // only the head is sent: the answer must come without a single byte of the body
        Response response = client.sendHeadersOnly("POST", "/api/v1/events?" + marker, Map.of("X-API-Key", INGEST_KEY,
                "Content-Type", "application/x-ndjson", "Content-Length", Integer.toString(MAX_BODY + 1)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).isEqualTo(TOO_LARGE);
        assertNoServiceSaw(marker);
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitWrittenSlowlyAndNeverForwardIt() {
        String marker = uniqueMarker();

        Response response = client.sendChunked("/api/v1/events?" + marker, json(INGEST_KEY), slowly(MAX_BODY + 1));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).isEqualTo(TOO_LARGE);
        assertNoServiceSaw(marker);
    }

    @Test
    void shouldForwardAChunkedBodyOfExactlyTheLimitWithItsLength() {
        String marker = uniqueMarker();

        Response response = client.sendChunked("/api/v1/events?" + marker, json(INGEST_KEY), slowly(MAX_BODY));

        assertThat(response.status()).isEqualTo(200);
        RecordingUpstream.Received received = receivedBySomeIngest(marker);
        assertThat(received.body()).isEqualTo(filled(MAX_BODY));
        assertThat(received.header("Content-Length")).isEqualTo(Integer.toString(MAX_BODY));
    }

    @Test
    void shouldForwardABodyOfExactlyTheLimitWithContentLength() {
        String marker = uniqueMarker();

        Response response = client.send("POST", "/api/v1/events?" + marker, json(INGEST_KEY), filled(MAX_BODY));

        assertThat(response.status()).isEqualTo(200);
        assertThat(receivedBySomeIngest(marker).body()).isEqualTo(filled(MAX_BODY));
    }

    @Test
    void shouldRefuseABodyOverTheLimitWithContentLength() {
        String marker = uniqueMarker();

        Response response = client.send("POST", "/api/v1/events?" + marker, json(INGEST_KEY), filled(MAX_BODY + 1));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(TOO_LARGE);
        assertNoServiceSaw(marker);
    }

    /** {@code size} bytes in chunks of 1 KiB (the last one shorter), one every 2 ms. */
    private static Flux<byte[]> slowly(int size) {
        byte[] all = filled(size);
        int chunk = 1024;
        int chunks = (size + chunk - 1) / chunk;
        // delayElements, unlike interval, waits for the client to ask for the next chunk
        return Flux.range(0, chunks).delayElements(Duration.ofMillis(2))
                .map(i -> Arrays.copyOfRange(all, i * chunk, Math.min(size, (i + 1) * chunk)));
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    private static RecordingUpstream.Received receivedBySomeIngest(String marker) {
        List<RecordingUpstream.Received> received = new java.util.ArrayList<>(INGEST_A.receivedWith(marker));
        received.addAll(INGEST_B.receivedWith(marker));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static void assertNoServiceSaw(String marker) {
        assertThat(INGEST_A.receivedWith(marker)).isEmpty();
        assertThat(INGEST_B.receivedWith(marker)).isEmpty();
        assertThat(INGEST_A.incomplete() + INGEST_B.incomplete()).as("requests broken off mid-body").isZero();
    }
}
