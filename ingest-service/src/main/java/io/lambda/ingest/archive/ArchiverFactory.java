package io.lambda.ingest.archive;

import java.time.Clock;
import java.util.Objects;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.MasterDataset;
import io.lambda.core.store.ObjectStore;

/** Makes archiver sessions, each with its own Kafka clients, sharing the object store, Redis and meters. */
public final class ArchiverFactory {

    private final ArchiverSettings settings;
    private final ObjectStore store;
    private final MasterDataset dataset;
    private final ArchiveWatermarkStore watermarks;
    private final ArchiveMetrics metrics;
    private final ArchiveCommitHook hook;
    private final Clock clock;

    public ArchiverFactory(ArchiverSettings settings, ObjectStore store, ArchiveWatermarkStore watermarks,
            ArchiveMetrics metrics, ArchiveCommitHook hook, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.watermarks = Objects.requireNonNull(watermarks, "watermarks");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.hook = Objects.requireNonNull(hook, "hook");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataset = new MasterDataset(store, new ArchivePaths(settings.properties().prefix(), settings.slots()));
    }

    /** The same factory with another hook between store and commit. */
    public ArchiverFactory withHook(ArchiveCommitHook otherHook) {
        return new ArchiverFactory(settings, store, watermarks, metrics, otherHook, clock);
    }

    /** The dataset the archivers write. */
    public MasterDataset dataset() {
        return dataset;
    }

    /** A new session; makes sure the bucket exists first. Run it on its own thread. */
    public Archiver create() {
        store.ensureBucket();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumerConfig());
        KafkaConsumer<String, byte[]> highWatermarks = null;
        try {
            highWatermarks = new KafkaConsumer<>(settings.highWatermarkConsumerConfig());
            DeadLetters deadLetters = new DeadLetters(new KafkaProducer<>(settings.producerConfig()),
                    settings.properties().groupId());
            return new Archiver(consumer, highWatermarks, deadLetters, settings, dataset, watermarks, metrics, hook,
                    clock);
        } catch (RuntimeException e) {
            consumer.close();
            if (highWatermarks != null) {
                highWatermarks.close();
            }
            throw e;
        }
    }
}
