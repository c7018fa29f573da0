package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.lambda.ingest.dedup.RecentIds;
import io.lambda.test.ActuatorProbe;
import io.lambda.test.LambdaStack;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code lambda.ingest.dedup-enabled=false}: Redis is never used, every valid event is written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "lambda.ingest.dedup-enabled=false"})
class DedupDisabledIntegrationTests {

    private static final String TOPIC = IngestTestProperties.newTopicName();
    private static final String PREFIX = LambdaStack.get().newKeyPrefix();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        IngestTestProperties.register(registry, TOPIC, PREFIX);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApplicationContext context;

    @Test
    void shouldWriteARepeatedRequestAgainAndLeaveRedisAlone() {
        IngestHttp http = new IngestHttp(port);
        String prefix = TestEvents.uniquePrefix();
        List<String> ids = TestEvents.ids(prefix, 0, 3);

        IngestHttp.Response first = http.postJson(TestEvents.array(ids));
        IngestHttp.Response repeat = http.postJson(TestEvents.array(ids));

        assertThat(first.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(repeat.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(repeat.json().path("duplicates").asInt()).isZero();
        assertThat(EventTopicContents.keysStartingWith(TOPIC, prefix))
                .containsExactlyInAnyOrderElementsOf(TestEvents.twice(ids));
        RedisClient client = RedisClient.create(LambdaStack.get().redis().uri().toString());
        try (var redis = client.connect()) {
            assertThat(redis.sync().keys(PREFIX + "*")).isEmpty();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void shouldStillReportRepeatsWithinOneRequest() {
        String prefix = TestEvents.uniquePrefix();

        IngestHttp.Response response = new IngestHttp(port).postJson("[" + TestEvents.event(prefix + "a") + ","
                + TestEvents.event(prefix + "a") + "]");

        assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(response.json().path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void shouldHaveNoDedupComponentInHealth() {
        var health = ActuatorProbe.get(managementPort, "health");

        assertThat(context.getBeansOfType(RecentIds.class)).isEmpty();
        assertThat(health.body()).contains("\"kafka\":{").doesNotContain("\"dedup\":{");
    }
}
