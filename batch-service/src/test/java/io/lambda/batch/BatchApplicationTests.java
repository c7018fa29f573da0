package io.lambda.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambda.test.ActuatorProbe;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class BatchApplicationTests {

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
