package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lambda.gateway.TestClient.Response;
import io.lambda.gateway.auth.ApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class TwoInstancesIntegrationTests extends GatewayTestSupport {

    @Autowired
    GatewayProperties properties;

    @Autowired
    MeterRegistry registry;

    @Test
    void shouldHoldAKeyToOneLimitAcrossTwoGatewayInstances() {
        try (ConfigurableApplicationContext second = secondGateway()) {
            TestClient secondClient = new TestClient(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
            MeterRegistry secondRegistry = second.getBean(MeterRegistry.class);
            double fallbacksBefore = fallbacks(registry) + fallbacks(secondRegistry);
            long started = System.nanoTime();

            // 25/s to each instance for 2 s: ten times the key's limit in all, each instance alone at five times
            Mono<List<Response>> first = load(client, 100);
            Mono<List<Response>> other = load(secondClient, 100);
            var results = Mono.zip(first, other).block(Duration.ofSeconds(60));
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;

            List<Response> all = new ArrayList<>(results.getT1());
            all.addAll(results.getT2());
            long accepted = all.stream().filter(r -> r.status() == 200).count();
            long limit = (long) Math.floor(5 + 5 * elapsedSeconds);
            // a request Redis did not answer in time was let through by its instance's bucket alone (by design, each
            // instance then allows up to the limit); the counter says how many, so only Redis's own decisions are
            // held to the one shared limit
            long fallbacks = Math.round(fallbacks(registry) + fallbacks(secondRegistry) - fallbacksBefore);
            assertThat(all).extracting(Response::status).containsOnly(200, 429);
            assertThat(accepted - fallbacks).as("accepted by both through Redis in %.2f s (%d of %d accepted without"
                    + " Redis)", elapsedSeconds, fallbacks, accepted)
                    .isGreaterThanOrEqualTo(1)
                    .isLessThanOrEqualTo(limit);
            // buckets that were not shared would let through about twice the limit: an excess the bound above sees
            // as long as the fallbacks cover less than half of it
            assertThat(fallbacks).as("accepted without Redis").isLessThan(limit / 2);
            assertThat(accepted).isGreaterThanOrEqualTo(5);
        }
    }

    private static double fallbacks(MeterRegistry registry) {
        return registry.get("lambda.gateway.rate-limit.fallback").counter().count();
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
                "--lambda.gateway.rate-limit.redis-timeout=" + properties.rateLimit().redisTimeout().toMillis() + "ms",
                "--spring.data.redis.timeout=" + properties.rateLimit().redisTimeout().toMillis() + "ms",
                "--lambda.gateway.services.query.instances=" + QUERY.uri(),
                "--lambda.gateway.keys[0].sha256=" + ApiKeys.sha256Hex(SHARED_KEY),
                "--lambda.gateway.keys[0].roles=query",
                "--lambda.gateway.keys[0].rate-limit.rate=5",
                "--lambda.gateway.keys[0].rate-limit.burst=5");
    }
}
