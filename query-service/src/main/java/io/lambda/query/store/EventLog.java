package io.lambda.query.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The event topic's partitions and offsets, read with the Kafka admin client. A query needs offsets read <em>after</em>
 * it arrived (else an older end could call an answer complete that misses events accepted before the query started).
 * Concurrent queries share one lookup when it was started after each of them arrived; a query that arrives while an
 * older lookup is in flight starts a new one.
 */
public final class EventLog implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final Duration timeout;
    private final AtomicReference<Lookup> latest = new AtomicReference<>();

    private record Lookup(long startNanos, CompletableFuture<TopicEnd> result) {
    }

    public EventLog(Map<String, Object> adminSettings, String topic, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(adminSettings);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "query-service-offsets");
        this.admin = Admin.create(settings);
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The topic read. */
    public String topic() {
        return topic;
    }

    /**
     * A lookup of the topic's offsets started at or after {@code arrivedNanos} ({@link System#nanoTime()}): a running
     * one when it qualifies, else a new one.
     */
    public CompletableFuture<TopicEnd> endAfter(long arrivedNanos) {
        while (true) {
            Lookup current = latest.get();
            if (current != null && current.startNanos() - arrivedNanos >= 0) {
                return current.result();
            }
            Lookup fresh = new Lookup(System.nanoTime(), new CompletableFuture<>());
            if (latest.compareAndSet(current, fresh)) {
                start(fresh);
                return fresh.result();
            }
        }
    }

    /**
     * Waits for a lookup.
     *
     * @throws LogUnavailableException when the broker did not answer within the timeout or the topic is missing
     */
    public TopicEnd await(CompletableFuture<TopicEnd> lookup) {
        try {
            return lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LogUnavailableException("the offsets of topic " + topic + " could not be read within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted reading the offsets of topic " + topic, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            throw new LogUnavailableException("the offsets of topic " + topic + " could not be read: " + cause, cause);
        }
    }

    /** {@link #endAfter} now, awaited. */
    public TopicEnd readNow() {
        return await(endAfter(System.nanoTime()));
    }

    private void start(Lookup lookup) {
        try {
            admin.describeTopics(List.of(topic)).topicNameValues().get(topic).toCompletionStage()
                    .thenCompose(description -> offsets(description, lookup.startNanos()))
                    .whenComplete((end, failure) -> {
                        if (failure != null) {
                            lookup.result().completeExceptionally(failure);
                        } else {
                            lookup.result().complete(end);
                        }
                    });
        } catch (RuntimeException e) {
            lookup.result().completeExceptionally(e);
        }
    }

    private CompletableFuture<TopicEnd> offsets(TopicDescription description, long startNanos) {
        int partitions = description.partitions().size();
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliestSpec = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latestSpec.put(new TopicPartition(topic, p), OffsetSpec.latest());
            earliestSpec.put(new TopicPartition(topic, p), OffsetSpec.earliest());
        }
        CompletableFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> ends =
                admin.listOffsets(latestSpec).all().toCompletionStage().toCompletableFuture();
        CompletableFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> starts =
                admin.listOffsets(earliestSpec).all().toCompletionStage().toCompletableFuture();
        return ends.thenCombine(starts, (endInfo, startInfo) -> {
            List<Long> endOffsets = new ArrayList<>(partitions);
            List<Long> startOffsets = new ArrayList<>(partitions);
            for (int p = 0; p < partitions; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                endOffsets.add(endInfo.get(partition).offset());
                startOffsets.add(startInfo.get(partition).offset());
            }
            return new TopicEnd(partitions, startOffsets, endOffsets, startNanos);
        });
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
