package io.lambda.ingest.dedup;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Always UP, since ingest works without Redis; the details say whether duplicates are currently detected. (Spring
 * Boot's own Redis indicator is switched off in ingest: a Redis outage must not take ingest out of rotation.)
 */
final class DedupHealthIndicator extends AbstractHealthIndicator {

    private final RecentIds recentIds;

    DedupHealthIndicator(RecentIds recentIds) {
        this.recentIds = recentIds;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("redis", recentIds.available() ? "available" : "unavailable: ids count as unseen");
    }
}
