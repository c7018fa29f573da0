package io.lambda.speed;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lambda.core.serving.ServingKeys;
import io.lambda.core.view.ViewDefinition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed lag per partition ({@code lambda.speed.lag}): Kafka's end offset minus the smallest flushed offset over the
 * computed view versions ({@code s:{v:ver:p}:offset}; missing = nothing flushed, the whole partition), refreshed
 * periodically. The query service computes the same figure from the same two sources.
 */
final class SpeedLag implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpeedLag.class);

    private final Admin admin;
    private final RedisClusterCommands<String, String> redis;
    private final ServingKeys keys;
    private final String topic;
    private final List<ViewDefinition> views;
    private final MeterRegistry registry;
    private final Map<Integer, AtomicLong> lags = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "speed-lag");
        thread.setDaemon(true);
        return thread;
    });

    SpeedLag(Map<String, Object> adminProperties, RedisClusterCommands<String, String> redis, ServingKeys keys,
            String topic, List<ViewDefinition> views, MeterRegistry registry) {
        this.admin = Admin.create(adminProperties);
        this.redis = redis;
        this.keys = keys;
        this.topic = topic;
        this.views = views;
        this.registry = registry;
    }

    void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void refresh() {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                    .get(10, TimeUnit.SECONDS);
            for (int p = 0; p < partitions; p++) {
                long end = ends.get(new TopicPartition(topic, p)).offset();
                long flushed = Long.MAX_VALUE;
                for (ViewDefinition view : views) {
                    String offset = redis.get(keys.speedOffset(view.name(), view.version(), p));
                    flushed = Math.min(flushed, offset == null ? 0 : Long.parseLong(offset));
                }
                long lag = Math.max(0, end - (flushed == Long.MAX_VALUE ? end : flushed));
                gauge(p).set(lag);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Could not refresh the speed lag: {}", e.toString());
        }
    }

    private AtomicLong gauge(int partition) {
        return lags.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("lambda.speed.lag", value, AtomicLong::get).tag("partition", Integer.toString(p))
                    .description("Kafka end offset minus the flushed offset (records)").register(registry);
            return value;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
