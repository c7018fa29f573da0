package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka unreachable: without the topic's end offsets no lag is honest, so queries and status answer 503 with
 * {@code Retry-After}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "lambda.query.kafka-timeout=1s", "lambda.query.retry-after=5s"})
class KafkaUnavailableIntegrationTests {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackProperties.of(LambdaStack.get()).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + UnreachablePorts.closedPort());
        registry.add("lambda.serving.key-prefix", () -> LambdaStack.get().newKeyPrefix());
    }

    @LocalServerPort
    int port;

    @Test
    void shouldRefuseEveryQueryWith503AndRetryAfter() {
        QueryHttp http = new QueryHttp(port);
        for (String path : List.of("/api/v1/views", "/api/v1/status",
                "/api/v1/views/shop/series?from=2026-11-24T10:00:00Z&to=2026-11-24T11:00:00Z",
                "/api/v1/views/shop/groups?from=2026-11-24T10:00:00Z&to=2026-11-24T11:00:00Z")) {
            QueryHttp.Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(503);
            assertThat(answer.header("Retry-After")).as(path).isEqualTo("5");
            assertThat(answer.body().get("type").asString()).isEqualTo("urn:problem:lambda:log-unavailable");
        }
    }
}
