package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * What every service promises an operator: it starts, and answers Actuator {@code health} and
 * {@code prometheus} on its management port. A service's application test implements this with the
 * port Spring Boot chose ({@code @LocalManagementPort}).
 */
public interface ActuatorEndpointsContract {

    /** The running service's management port. */
    int managementPort();

    @Test
    default void shouldStartAndReportHealthUpOnTheManagementPort() {
        HttpResponse<String> health = ActuatorProbe.get(managementPort(), "health");

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    default void shouldExposePrometheusMetricsOnTheManagementPort() {
        HttpResponse<String> prometheus = ActuatorProbe.get(managementPort(), "prometheus");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }
}
