package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambda.test.ActuatorProbe;
import io.lambda.test.LambdaStack;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class IngestApplicationTests {

    /** Health includes Redis (the starter's indicator): run against the stack's real one. */
    @DynamicPropertySource
    static void stackProperties(DynamicPropertyRegistry registry) {
        LambdaStack stack = LambdaStack.get();
        registry.add("spring.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("spring.data.redis.host", () -> stack.redis().host());
        registry.add("spring.data.redis.port", () -> stack.redis().port());
    }

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldStartAndReportHealthUpOnTheManagementPort() {
        HttpResponse<String> health = ActuatorProbe.get(managementPort, "health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldExposePrometheusMetricsOnTheManagementPort() {
        HttpResponse<String> prometheus = ActuatorProbe.get(managementPort, "prometheus");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }
}
