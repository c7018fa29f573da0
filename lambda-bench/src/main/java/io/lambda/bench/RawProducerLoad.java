package io.lambda.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/** The baselines of the ingest benchmark: the same Avro records sent by a raw producer, without HTTP. */
final class RawProducerLoad {

    /** Records a streaming sender may have unacknowledged. */
    private static final int IN_FLIGHT = 20_000;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final IngestBodies bodies;
    private final AtomicLong batchNumbers;
    private final Duration ackTimeout;
    private final EventAvroCodec codec = new EventAvroCodec();

    RawProducerLoad(Producer<String, byte[]> producer, String topic, IngestBodies bodies, AtomicLong batchNumbers,
            Duration ackTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.bodies = bodies;
        this.batchNumbers = batchNumbers;
        this.ackTimeout = ackTimeout;
    }

    /** {@code workers} threads each sending a body's events and waiting for their acks, as ingest does per request. */
    IngestThroughput.Result batches(int workers, long warmupMillis, long measureMillis) throws Exception {
        return IngestThroughput.measure(workers, warmupMillis, measureMillis, batchNumbers, batch -> {
            List<Event> events = bodies.events(batch);
            CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
            for (int i = 0; i < acks.length; i++) {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                send(events.get(i), exception -> {
                    if (exception == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(exception);
                    }
                });
                acks[i] = ack;
            }
            CompletableFuture.allOf(acks).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return events.size();
        });
    }

    /**
     * One thread sending without waiting for acks (at most {@value #IN_FLIGHT} records unacknowledged): the
     * producer's ceiling. A "batch" is a body's events; it counts when it was handed to the producer.
     */
    IngestThroughput.Result streaming(long warmupMillis, long measureMillis) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        IngestThroughput.Result result = IngestThroughput.measure(1, warmupMillis, measureMillis, batchNumbers, batch -> {
            List<Event> events = bodies.events(batch);
            for (Event event : events) {
                inFlight.acquire();
                send(event, exception -> inFlight.release());
            }
            return events.size();
        });
        producer.flush();
        return result;
    }

    private void send(Event event, Consumer<@Nullable Exception> done) {
        producer.send(new ProducerRecord<>(topic, event.id(), codec.encode(event)),
                (metadata, exception) -> done.accept(exception));
    }
}
