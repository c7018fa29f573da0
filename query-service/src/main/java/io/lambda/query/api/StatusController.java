package io.lambda.query.api;

import io.lambda.query.merge.PlatformStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/status} (API.md). */
@RestController
class StatusController {

    private final PlatformStatus status;
    private final QueryMetrics metrics;

    StatusController(PlatformStatus status, MeterRegistry registry) {
        this.status = status;
        this.metrics = new QueryMetrics(registry);
    }

    @GetMapping(path = "/api/v1/status", produces = "application/json")
    QueryJson.Status status() {
        return metrics.time("status", () -> QueryJson.Status.of(status.read()));
    }
}
