package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.MasterDataset;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.time.IngestSlots;
import io.lambda.test.LambdaStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One archive under test on the real stack: its own topic (LogAppendTime) and dead-letter topic, bucket, Redis
 * prefix, consumer group and meters; produces events the way ingestion does (key = id, Avro value) and remembers
 * where each landed.
 */
final class ArchiveTestbed implements AutoCloseable {

    /** Short slots, so a few seconds of producing cover several. */
    static final IngestSlots SLOTS = new IngestSlots(Duration.ofSeconds(2));
    static final Duration WAIT = Duration.ofSeconds(45);

    /** Where one event landed. */
    record Produced(String id, int partition, long offset, Instant ingestTime) {
    }

    final LambdaStack stack;
    final String topic;
    final int partitions;
    final ArchiveProperties properties;
    final ObjectStore store;
    final ArchiveWatermarkStore watermarks;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ArchiverFactory factory;
    final List<Produced> produced = Collections.synchronizedList(new ArrayList<>());
    private final LettuceConnectionFactory redis;
    private final KafkaProducer<String, byte[]> producer;
    private final EventAvroCodec codec = new EventAvroCodec();
    private final List<Archiver> running = new ArrayList<>();
    private final List<CompletableFuture<Void>> sessions = new ArrayList<>();

    ArchiveTestbed(LambdaStack stack, int partitions, DataSize maxFileBytes, Duration maxFileAge) {
        this.stack = stack;
        this.partitions = partitions;
        this.topic = stack.createTopic("archive", partitions, Map.of("message.timestamp.type", "LogAppendTime"));
        createDeadLetterTopic();
        // the stack's broker is alone: a record is visible once appended (the replication-lag margin is zero), and the
        // tests' idle files roll without waiting for it
        this.properties = ArchiveProperties.defaults().withGroupId("archiver-" + topic).withReplicationLagMargin(Duration.ZERO)
                .withFileLimits(maxFileBytes, maxFileAge);
        this.store = ObjectStore.create(stack.newBucket());
        this.redis = new LettuceConnectionFactory(new RedisStandaloneConfiguration(stack.redis().host(), stack.redis().port()));
        redis.afterPropertiesSet();
        redis.start();
        this.watermarks = new ArchiveWatermarkStore(new StringRedisTemplate(redis), new ServingKeys(stack.newKeyPrefix()));
        this.factory = factory(properties, store, watermarks, registry);
        this.producer = stack.newProducer();
    }

    MasterDataset dataset() {
        return factory.dataset();
    }

    /**
     * Archivers of the same topic and file limits in another consumer group ({@code groupId}), storing into
     * {@code otherStore}, polling every {@code pollTimeout} and checking the log ends as often: a second, independent
     * archive of the same records at another pace.
     */
    ArchiverFactory otherArchive(String groupId, ObjectStore otherStore, Duration pollTimeout) {
        return factory(properties.withGroupId(groupId).withTiming(pollTimeout, pollTimeout, properties.clockSkewMargin()),
                otherStore, new ArchiveWatermarkStore(new StringRedisTemplate(redis), new ServingKeys(stack.newKeyPrefix())),
                new SimpleMeterRegistry());
    }

    /** Archivers like {@link #factory}'s, with another replication-lag margin. */
    ArchiverFactory withReplicationLagMargin(Duration margin) {
        return factory(properties.withReplicationLagMargin(margin), store, watermarks, registry);
    }

    private ArchiverFactory factory(ArchiveProperties archive, ObjectStore into, ArchiveWatermarkStore published,
            SimpleMeterRegistry meters) {
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return new ArchiverFactory(new ArchiverSettings(archive, topic, SLOTS, kafka, kafka), into, published,
                new ArchiveMetrics(meters, Clock.systemUTC()), ArchiveCommitHook.NONE, Clock.systemUTC());
    }

    /** Runs a new archiver of {@code archivers} on its own thread; the future completes when it ends. */
    CompletableFuture<Void> start(ArchiverFactory archivers) {
        Archiver archiver = archivers.create();
        CompletableFuture<Void> session = CompletableFuture.runAsync(archiver, runnable -> new Thread(runnable, "archiver-test").start());
        running.add(archiver);
        sessions.add(session);
        return session;
    }

    /** Produces {@code count} events and waits until the broker has them. */
    List<Produced> produce(int count) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "ev-" + produced.size() + "-" + i + "-" + Long.toHexString(System.nanoTime());
            Event event = Event.of(id, "pageview", Instant.now().minusSeconds(1),
                    Map.of("url", "/pricing/" + (i % 7), "userId", "u-" + (i % 13), "durationMs", (long) i));
            ids.add(id);
            sends.add(producer.send(new ProducerRecord<>(topic, id, codec.encode(event))));
        }
        List<Produced> landed = IntStream.range(0, count).mapToObj(i -> {
            RecordMetadata metadata = get(sends.get(i));
            return new Produced(ids.get(i), metadata.partition(), metadata.offset(), Instant.ofEpochMilli(metadata.timestamp()));
        }).toList();
        produced.addAll(landed);
        return landed;
    }

    /**
     * Produces batches of {@code perBatch} events until they lie in {@code slots} ingest slots, going by the broker's
     * timestamps: before each next batch it waits for the slot after the last event's, so every batch reaches a slot
     * of its own and there are at most {@code slots} batches, however long a batch takes to send (a batch that
     * straddles a slot boundary counts for two). {@link #produced} has every event.
     */
    void produceAcrossSlots(int slots, int perBatch) {
        Set<Instant> landedIn = new TreeSet<>();
        while (landedIn.size() < slots) {
            List<Produced> batch = produce(perBatch);
            batch.forEach(event -> landedIn.add(SLOTS.slotStart(event.ingestTime())));
            Instant lastSlot = landedIn.stream().max(Comparator.naturalOrder()).orElseThrow();
            await("the ingest slot after " + lastSlot).atMost(SLOTS.length().plusSeconds(15))
                    .pollInterval(Duration.ofMillis(20)).until(() -> SLOTS.slotStart(Instant.now()).isAfter(lastSlot));
        }
    }

    /** Produces {@code batches} batches of {@code perBatch} events, {@code gap} apart: a steady stream, not a burst. */
    void produceSteadily(int batches, int perBatch, Duration gap) {
        for (int i = 0; i < batches; i++) {
            produce(perBatch);
            LockSupport.parkNanos(gap.toNanos()); // pacing the producer; nothing is awaited here
        }
    }

    /** Produces one record with any value (e.g. unreadable, or null) and returns its offset. */
    long produceRaw(String key, byte[] value) {
        return get(producer.send(new ProducerRecord<>(topic, 0, key, value))).offset();
    }

    Map<Integer, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        IntStream.range(0, partitions).forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
        Map<Integer, Long> ends = new HashMap<>();
        get(stack.admin().listOffsets(latest).all()).forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
        return ends;
    }

    Map<Integer, Long> committedOffsets() {
        return committedOffsets(properties.groupId());
    }

    Map<Integer, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(stack.admin()
                .listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<Integer, Long> committed = new HashMap<>();
        offsets.forEach((tp, offset) -> {
            if (offset != null) {
                committed.put(tp.partition(), offset.offset());
            }
        });
        return committed;
    }

    /** Waits until the group has committed every partition up to its end, checking {@code invariant} on each poll. */
    void awaitEverythingCommitted(Runnable invariant) {
        Map<Integer, Long> ends = endOffsets();
        await("archive commits reaching the log end").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            invariant.run();
            return committedOffsets().equals(ends);
        });
    }

    List<ArchiveFile> files() {
        return dataset().list(Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)));
    }

    /**
     * Exactly once: each file holds exactly the produced events of its partition and offset range, in order, with
     * their ingest times, all in the file's slot; files of a partition never overlap; and the files together hold
     * as many events as were produced.
     */
    void assertEveryEventArchivedExactlyOnce() {
        Map<Integer, List<Produced>> byPartition = new HashMap<>();
        produced.forEach(p -> byPartition.computeIfAbsent(p.partition(), k -> new ArrayList<>()).add(p));
        byPartition.values().forEach(list -> list.sort(Comparator.comparingLong(Produced::offset)));
        List<ArchiveFile> files = files();
        long archived = 0;
        Map<Integer, Long> lastOffsets = new HashMap<>();
        for (ArchiveFile file : files.stream().sorted(Comparator.comparingInt(ArchiveFile::partition)
                .thenComparingLong(ArchiveFile::firstOffset)).toList()) {
            assertThat(file.firstOffset()).as("%s overlaps the file before it", file)
                    .isGreaterThan(lastOffsets.getOrDefault(file.partition(), -1L));
            lastOffsets.put(file.partition(), file.lastOffset());
            List<Produced> expected = byPartition.getOrDefault(file.partition(), List.of()).stream()
                    .filter(p -> file.covers(p.offset())).toList();
            List<Event> events = dataset().read(file).toList();
            assertThat(events).as("events of %s", file).extracting(Event::id).containsExactlyElementsOf(
                    expected.stream().map(Produced::id).toList());
            assertThat(events).extracting(Event::ingestTime).containsExactlyElementsOf(
                    expected.stream().map(Produced::ingestTime).toList());
            assertThat(events).extracting(e -> SLOTS.slotStart(e.ingestTime())).containsOnly(file.slot());
            assertThat(expected.get(0).offset()).isEqualTo(file.firstOffset());
            assertThat(expected.get(expected.size() - 1).offset()).isEqualTo(file.lastOffset());
            archived += events.size();
        }
        assertThat(archived).as("events in all files").isEqualTo(produced.size());
    }

    /** The published watermark never claims an event that is not in a stored file. */
    void assertWatermarkNotAheadOfArchive() {
        watermarks.overall(partitions).ifPresent(watermark -> {
            List<ArchiveFile> files = files();
            List<Produced> claimed;
            synchronized (produced) {
                claimed = produced.stream().filter(p -> p.ingestTime().isBefore(watermark)).toList();
            }
            for (Produced p : claimed) {
                assertThat(files).as("files holding %s, below watermark %s", p, watermark)
                        .anyMatch(f -> f.partition() == p.partition() && f.covers(p.offset()));
            }
        });
    }

    @Override
    public void close() {
        running.forEach(Archiver::stop);
        sessions.forEach(session -> session.handle((ok, failure) -> null).join());
        producer.close();
        store.close();
        redis.destroy();
    }

    private void createDeadLetterTopic() {
        get(stack.admin().createTopics(List.of(new NewTopic(DeadLetters.topicOf(topic), 1, (short) 1))).all());
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
