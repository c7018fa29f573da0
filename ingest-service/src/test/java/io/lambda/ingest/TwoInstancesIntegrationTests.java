package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lambda.ingest.dedup.DedupConnected;
import io.lambda.ingest.dedup.RecentIds;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two ingest instances on one topic and one Redis: no state of their own, duplicates seen across them. */
class TwoInstancesIntegrationTests {

    private static final String TOPIC = IngestTestProperties.newTopicName();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        LambdaStack stack = LambdaStack.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(StackProperties.of(stack));
        properties.put("lambda.events.name", TOPIC);
        properties.put("lambda.events.partitions", IngestTestProperties.PARTITIONS);
        properties.put("lambda.serving.key-prefix", stack.newKeyPrefix());
        properties.putAll(IngestTestProperties.PATIENT_TIMEOUTS);
        String[] args = StackProperties.asArguments(properties);
        first = new SpringApplicationBuilder(IngestApplication.class).run(args);
        second = new SpringApplicationBuilder(IngestApplication.class).run(args);
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            RecentIds recentIds = instance.getBean(RecentIds.class);
            DedupConnected.await(recentIds);
        }
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void shouldReportIdsAcceptedByOneInstanceAsDuplicatesOnTheOther() {
        String prefix = TestEvents.uniquePrefix();

        IngestHttp.Response viaFirst = http(first).postJson(TestEvents.array(TestEvents.ids(prefix, 0, 100)));
        // the first instance remembers the ids without making the request wait; its own connection runs its commands
        // in order, so once it finds them they are in Redis for every instance
        RecentIds firstIds = first.getBean(RecentIds.class);
        Awaitility.await("ids remembered").atMost(Duration.ofSeconds(30))
                .until(() -> firstIds.seen(TestEvents.ids(prefix, 50, 100)).size() == 50);
        IngestHttp.Response viaSecond = http(second).postJson(TestEvents.array(TestEvents.ids(prefix, 50, 100)));

        assertThat(viaFirst.json().path("accepted").asInt()).isEqualTo(100);
        assertThat(viaSecond.json().path("accepted").asInt()).isEqualTo(50);
        assertThat(viaSecond.json().path("duplicates").asInt()).isEqualTo(50);
        assertThat(EventTopicContents.keysStartingWith(TOPIC, prefix))
                .containsExactlyInAnyOrderElementsOf(TestEvents.ids(prefix, 0, 150));
    }

    private static IngestHttp http(ConfigurableApplicationContext instance) {
        return new IngestHttp(Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
