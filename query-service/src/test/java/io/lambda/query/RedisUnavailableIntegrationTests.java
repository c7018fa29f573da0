package io.lambda.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Redis unreachable: every endpoint answers 503 with {@code Retry-After}, never a partial answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "lambda.query.redis-timeout=2s", "lambda.query.retry-after=7s"})
class RedisUnavailableIntegrationTests {

    static final String TOPIC = LambdaStack.get().createTopic("query-noredis", 1,
            Map.of("message.timestamp.type", "LogAppendTime"));

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackProperties.of(LambdaStack.get()).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.data.redis.port", UnreachablePorts::closedPort);
        registry.add("lambda.events.name", () -> TOPIC);
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
            assertThat(answer.header("Retry-After")).as(path).isEqualTo("7");
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("type").asString()).isEqualTo("urn:problem:lambda:store-unavailable");
            assertThat(answer.body().has("points")).isFalse();
        }
    }
}
