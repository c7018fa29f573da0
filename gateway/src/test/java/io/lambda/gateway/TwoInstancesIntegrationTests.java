package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lambda.gateway.TestClient.Response;
import io.lambda.gateway.auth.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class TwoInstancesIntegrationTests extends GatewayTestSupport {

    @Autowired
    GatewayProperties properties;

    @Test
    void shouldHoldAKeyToOneLimitAcrossTwoGatewayInstances() {
        try (ConfigurableApplicationContext second = secondGateway()) {
            TestClient secondClient = new TestClient(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
            long started = System.nanoTime();

            // 25/s to each instance for 2 s: ten times the key's limit in all, each instance alone at five times
            Mono<List<Response>> first = load(client, 100);
            Mono<List<Response>> other = load(secondClient, 100);
            var results = Mono.zip(first, other).block(Duration.ofSeconds(60));
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;

            List<Response> all = new ArrayList<>(results.getT1());
            all.addAll(results.getT2());
            long accepted = all.stream().filter(r -> r.status() == 200).count();
            assertThat(all).extracting(Response::status).containsOnly(200, 429);
            assertThat(accepted).as("accepted by both in %.2f s", elapsedSeconds)
                    .isGreaterThanOrEqualTo(5)
                    .isLessThanOrEqualTo((long) Math.floor(5 + 5 * elapsedSeconds));
        }
    }

    private static Mono<List<Response>> load(TestClient client, int requests) {
        return Flux.interval(Duration.ofMillis(40)).take(requests)
                .flatMap(i -> client.sendAsync("GET", "/api/v1/views", Map.of("X-API-Key", List.of(SHARED_KEY)), null))
                .collectList();
    }

    private ConfigurableApplicationContext secondGateway() {
        return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
                "--management.server.port=0", "--spring.main.banner-mode=off",
                "--spring.data.redis.host=" + TestRedis.endpoint().host(),
                "--spring.data.redis.port=" + TestRedis.endpoint().port(),
                "--lambda.gateway.rate-limit.key-prefix=" + properties.rateLimit().keyPrefix(),
                "--lambda.gateway.services.query.instances=" + QUERY.uri(),
                "--lambda.gateway.keys[0].sha256=" + ApiKeys.sha256Hex(SHARED_KEY),
                "--lambda.gateway.keys[0].roles=query",
                "--lambda.gateway.keys[0].rate-limit.rate=5",
                "--lambda.gateway.keys[0].rate-limit.burst=5");
    }
}
