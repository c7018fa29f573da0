package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lambda.gateway.TestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@ExtendWith(OutputCaptureExtension.class)
class RateLimitIntegrationTests extends GatewayTestSupport {

    @Test
    void shouldHoldAKeyAtTenTimesItsLimitToBurstPlusRateWhileAnotherKeyIsUnaffected(CapturedOutput output) {
        String marker = uniqueMarker();
        long started = System.nanoTime();

        // LIMITED_KEY: 5/s, bursts of 5, sent 50/s for 2 s; OTHER_KEY: 20/s, bursts of 20, sent 10/s at the same time
        Mono<List<Response>> limited = load(LIMITED_KEY, Duration.ofMillis(20), 100, marker);
        Mono<List<Response>> other = load(OTHER_KEY, Duration.ofMillis(100), 20, marker);
        var results = Mono.zip(limited, other).block(Duration.ofSeconds(60));
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;

        List<Response> limitedResponses = results.getT1();
        long accepted = limitedResponses.stream().filter(r -> r.status() == 200).count();
        assertThat(accepted).as("accepted in %.2f s", elapsedSeconds)
                .isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo((long) Math.floor(5 + 5 * elapsedSeconds));
        assertThat(limitedResponses).extracting(Response::status).containsOnly(200, 429);
        Response refused = limitedResponses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.body()).startsWith("{\"type\":\"urn:problem:lambda:rate-limited\",\"title\":\"Too many requests\",\"status\":429,");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(results.getT2()).extracting(Response::status).as("the other key").containsOnly(200);
        // the refusal is logged after Redis answered, on another thread, and still carries the request id
        assertThat(output.getOut()).containsPattern("\\[gateway,rate-\\d+\\] .*reason=rate-limited");
    }

    private Mono<List<Response>> load(String key, Duration interval, int requests, String marker) {
        return Flux.interval(interval).take(requests)
                .flatMap(i -> client.sendAsync("GET", "/api/v1/views?" + marker,
                        Map.of("X-API-Key", List.of(key), "X-Request-Id", List.of("rate-" + i)), null))
                .collectList();
    }
}
