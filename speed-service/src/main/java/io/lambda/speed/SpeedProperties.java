package io.lambda.speed;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lambda.speed.*}.
 *
 * @param applicationId     Kafka Streams application id: instances with the same id share the partitions
 * @param flushInterval     wall-clock period of the Redis flush of each task
 * @param dedupWindow       how long an id counts as seen, in effective ingest time
 * @param cleanupGrace      how long partials of slots before a published batch boundary stay after it was first seen
 * @param cleanupInterval   how often each task reads the batch pointers
 * @param commitInterval    Kafka Streams {@code commit.interval.ms}
 * @param numStandbyReplicas Kafka Streams {@code num.standby.replicas}
 * @param streamThreads     Kafka Streams {@code num.stream.threads}
 * @param stateDir          Kafka Streams {@code state.dir}; its default when unset
 * @param redisTimeout      how long a flush waits for Redis
 * @param lagInterval       how often the lag gauges are refreshed
 */
@ConfigurationProperties("lambda.speed")
public record SpeedProperties(
        @DefaultValue("lambda-speed") String applicationId,
        @DefaultValue("200ms") Duration flushInterval,
        @DefaultValue("24h") Duration dedupWindow,
        @DefaultValue("5m") Duration cleanupGrace,
        @DefaultValue("30s") Duration cleanupInterval,
        @DefaultValue("100ms") Duration commitInterval,
        @DefaultValue("0") int numStandbyReplicas,
        @DefaultValue("1") int streamThreads,
        @Nullable String stateDir,
        @DefaultValue("5s") Duration redisTimeout,
        @DefaultValue("5s") Duration lagInterval) {
}
