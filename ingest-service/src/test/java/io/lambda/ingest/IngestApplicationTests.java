package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambda.test.ActuatorProbe;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The service on the stack: starts, and answers Actuator on its management port. */
class IngestApplicationTests extends AbstractIngestIntegrationTests {

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
