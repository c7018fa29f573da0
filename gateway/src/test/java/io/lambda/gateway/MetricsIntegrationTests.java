package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambda.gateway.auth.ApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MetricsIntegrationTests extends GatewayTestSupport {

    @Autowired
    MeterRegistry registry;

    @Test
    void shouldMeterRequestsByRouteStatusAndHashedKeyIdAndRejectionsByReason() {
        String keyId = ApiKeys.sha256Hex(QUERY_KEY).substring(0, 12);
        double forbiddenBefore = rejections("forbidden", "ingest");

        client.get("/api/v1/views", withKey(QUERY_KEY));
        client.send("POST", "/api/v1/events", json(QUERY_KEY), new byte[] {'{', '}'});
        client.get("/nowhere", withKey(QUERY_KEY));

        Timer ok = registry.find("lambda.gateway.requests").tags("route", "query", "status", "200", "key", keyId).timer();
        assertThat(ok).isNotNull();
        assertThat(ok.count()).isPositive();
        assertThat(rejections("forbidden", "ingest")).isEqualTo(forbiddenBefore + 1);
        assertThat(registry.find("lambda.gateway.rejections").tags("reason", "not-found", "route", "none").counter())
                .isNotNull();
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains(QUERY_KEY)));
    }

    private double rejections(String reason, String route) {
        var counter = registry.find("lambda.gateway.rejections").tags("reason", reason, "route", route).counter();
        return counter == null ? 0 : counter.count();
    }
}
