package io.lambda.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a request's events to the event topic ({@link EncodedEvent}: key = event id, value = Avro binary) and waits
 * until the broker has acknowledged all of them, with one deadline for the whole request: the produce timeout.
 *
 * <p>All records are handed to the producer at once (it batches them per partition) and the request thread waits
 * once. If any record fails, or the deadline passes first, the request fails as a whole with
 * {@link LogUnavailableException}; records already written stay written, which is safe because every layer
 * downstream keeps one event per id. Thread-safe: one instance and one producer serve all requests.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final EventTopicState topicState;
    private final Duration timeout;
    private final Timer ackedLatency;
    private final Timer failedLatency;
    private final AtomicBoolean failing = new AtomicBoolean();

    public EventPublisher(Producer<String, byte[]> producer, String topic, EventTopicState topicState,
            Duration timeout, MeterRegistry registry) {
        this.producer = producer;
        this.topic = topic;
        this.topicState = topicState;
        this.timeout = timeout;
        this.ackedLatency = latency(registry, "acked");
        this.failedLatency = latency(registry, "failed");
    }

    /**
     * Writes {@code events} and returns once the broker acknowledged every one ({@code acks=all}).
     *
     * @throws LogUnavailableException when that did not happen within the produce timeout; some of the events may
     *     have been written nevertheless
     */
    public void publish(List<EncodedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        refuseUnusableTopic();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Acks acks = new Acks(events.size());
        try {
            for (EncodedEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.id(), event.value()), acks);
                if (acks.failed() || System.nanoTime() - deadline > 0) {
                    break;
                }
            }
            acks.await(deadline);
        } catch (LogUnavailableException e) {
            failed(start, e);
            throw e;
        } catch (KafkaException e) {
            LogUnavailableException unavailable = new LogUnavailableException(
                    "the event log refused the events: " + e.getMessage(), e);
            failed(start, unavailable);
            throw unavailable;
        }
        ackedLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (failing.compareAndSet(true, false)) {
            log.info("Event log {} takes writes again", topic);
        }
    }

    private void refuseUnusableTopic() {
        TopicStatus status = topicState.status();
        if (status instanceof TopicStatus.Misconfigured misconfigured) {
            throw new LogUnavailableException("the event log is misconfigured: " + misconfigured.reason());
        }
        if (status instanceof TopicStatus.Pending pending && pending.unreachable()) {
            throw new LogUnavailableException("the event log is not reachable: " + pending.reason());
        }
    }

    private void failed(long start, LogUnavailableException e) {
        failedLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (failing.compareAndSet(false, true)) {
            log.warn("Event log {} does not take writes, answering 503 until it does: {}", topic, e.getMessage());
        } else {
            log.debug("Event log {} still does not take writes: {}", topic, e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
    }

    private static Timer latency(MeterRegistry registry, String outcome) {
        return Timer.builder("lambda.ingest.produce.latency")
                .description("Time from handing a request's events to the producer until the broker acknowledged all")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Counts the acknowledgements of one request; completes on the last one or on the first failure. */
    private final class Acks implements Callback {

        private final int total;
        private final AtomicInteger pending;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Acks(int total) {
            this.total = total;
            this.pending = new AtomicInteger(total);
        }

        @Override
        public void onCompletion(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
            if (exception != null) {
                done.completeExceptionally(exception);
            } else if (pending.decrementAndGet() == 0) {
                done.complete(null);
            }
        }

        boolean failed() {
            return done.isCompletedExceptionally();
        }

        void await(long deadline) {
            try {
                done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new LogUnavailableException("the event log did not acknowledge " + pending.get() + " of "
                        + total + " events within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new LogUnavailableException("the event log refused the events: " + cause.getMessage(), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LogUnavailableException("interrupted while waiting for the event log");
            }
        }
    }
}
