package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lambda.gateway.TestClient.Response;
import io.lambda.test.RedisExecutable;
import io.lambda.test.RedisServerProcess;
import org.awaitility.Awaitility;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

/**
 * A gateway whose ingest service is down and whose Redis this test stops. Redis gets 5 s to answer a rate-limit check
 * (200 ms by default; Lettuce too, not 1 s) so that, on a loaded machine, "through Redis" means Redis answered, and "without Redis" means
 * it was stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "lambda.gateway.rate-limit.redis-timeout=5s",
                "spring.data.redis.timeout=5s"})
@ExtendWith(OutputCaptureExtension.class)
class FaultIntegrationTests {

    static final String INGEST_KEY = "ingest-key-" + UUID.randomUUID();
    /** A query key with its own limit: 5 requests per second, bursts of 5. */
    static final String LIMITED_KEY = "limited-key-" + UUID.randomUUID();

    static final RecordingUpstream QUERY = new RecordingUpstream("query");
    /**
     * Holds the ingest instance's port bound but not listening, for the whole class: connections to it are refused.
     * A port merely found free and closed again could be taken by any server started meanwhile (this JVM's gateway
     * included), which might accept the request and never answer.
     */
    static final Socket CLOSED_PORT = reservedPort();
    static RedisServerProcess redis;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        redis = RedisServerProcess.start(Files.createTempDirectory("gateway-fault-redis"));
        registry.add("spring.data.redis.host", () -> redis.endpoint().host());
        registry.add("spring.data.redis.port", () -> redis.endpoint().port());
        registry.add("lambda.gateway.services.ingest.instances", () -> "http://127.0.0.1:" + CLOSED_PORT.getLocalPort());
        registry.add("lambda.gateway.services.query.instances", () -> QUERY.uri().toString());
        GatewayTestSupport.key(registry, 0, INGEST_KEY, "ingest");
        GatewayTestSupport.key(registry, 1, LIMITED_KEY, "query");
        registry.add("lambda.gateway.keys[1].rate-limit.rate", () -> "5");
        registry.add("lambda.gateway.keys[1].rate-limit.burst", () -> "5");
    }

    @AfterAll
    static void stop() throws IOException {
        QUERY.close();
        redis.close();
        CLOSED_PORT.close();
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenNoInstanceListens() {
        Response response = new TestClient(port).send("POST", "/api/v1/events",
                Map.of("X-API-Key", List.of(INGEST_KEY), "Content-Type", List.of("application/json")),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.body()).isEqualTo("{\"type\":\"urn:problem:lambda:upstream-unavailable\",\"title\":"
                + "\"Service unavailable\",\"status\":503,\"detail\":\"The ingest service did not answer; retry later\"}");
    }

    @Test
    void shouldStillLimitAKeyPerInstanceOnceRedisIsStopped(CapturedOutput output) {
        TestClient client = new TestClient(port);
        Map<String, List<String>> limited = Map.of("X-API-Key", List.of(LIMITED_KEY));
        double before = fallbackDecisions();
        assertThat(client.get("/api/v1/views", limited).status()).isEqualTo(200);
        assertThat(fallbackDecisions()).as("let through without Redis while it runs").isEqualTo(before);

        redis.close();
        long started = System.nanoTime();
        // 50/s for 2 s: ten times the key's limit
        List<Response> responses = Flux.interval(Duration.ofMillis(20)).take(100)
                .flatMap(i -> client.sendAsync("GET", "/api/v1/views", limited, null))
                .collectList().block(Duration.ofSeconds(60));
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;

        long accepted = responses.stream().filter(r -> r.status() == 200).count();
        assertThat(accepted).as("accepted in %.2f s", elapsedSeconds)
                .isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo((long) Math.floor(5 + 5 * elapsedSeconds));
        assertThat(responses).extracting(Response::status).containsOnly(200, 429);
        assertThat(fallbackDecisions() - before).as("let through without Redis").isEqualTo((double) accepted);
        assertThat(registry.get("lambda.gateway.rate-limit.degraded").gauge().value()).isEqualTo(1.0);
        assertThat(output.getOut().split("Redis did not answer a rate-limit check", -1)).as("logged once").hasSize(2);

        redis = RedisServerProcess.start(RedisExecutable.locate(), redis.workDir(), redis.endpoint().port());
        Awaitility.await("rate limits back in Redis").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.get("/api/v1/views", limited).status() > 0
                        && registry.get("lambda.gateway.rate-limit.degraded").gauge().value() == 0.0);
        assertThat(output.getOut()).contains("Redis answers again");
    }

    private double fallbackDecisions() {
        return registry.get("lambda.gateway.rate-limit.fallback").counter().count();
    }

    private static Socket reservedPort() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return socket;
    }
}
