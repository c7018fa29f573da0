package io.lambda.speed;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Follows the Kafka Streams state: up while running or rebalancing, down otherwise (created, stopping, error). */
final class SpeedHealthIndicator extends AbstractHealthIndicator {

    private final SpeedStreams streams;

    SpeedHealthIndicator(SpeedStreams streams) {
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State state = streams.state();
        if (state != null && state.isRunningOrRebalancing()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("state", state == null ? "NOT_STARTED" : state.name())
                .withDetail("versions", streams.active().stream().map(v -> v.name() + ":" + v.version()).toList());
    }
}
