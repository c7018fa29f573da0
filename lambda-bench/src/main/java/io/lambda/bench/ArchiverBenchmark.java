package io.lambda.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.StoredObject;
import io.lambda.core.time.IngestSlots;
import io.lambda.ingest.archive.ArchiveCommitHook;
import io.lambda.ingest.archive.ArchiveMetrics;
import io.lambda.ingest.archive.ArchiveProperties;
import io.lambda.ingest.archive.ArchiveWatermarkStore;
import io.lambda.ingest.archive.Archiver;
import io.lambda.ingest.archive.ArchiverFactory;
import io.lambda.ingest.archive.ArchiverSettings;
import io.lambda.test.LambdaStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Archiver throughput against a raw consumer loop over the same records:
 * {@code archive [events] [maxFileAge] [deflateLevel]} (default 500000 events of about 300 bytes, 200ms, 1).
 *
 * <p>Both read a 6-partition LogAppendTime topic on the stack's broker from the beginning as a fresh consumer group
 * with the same consumer settings. The raw loop only touches each record; the archiver checks that each record is an
 * event, stamps its ingest time, writes deflated Avro files to the S3 endpoint and commits. The archiver's time ends
 * when its committed offsets reach the log end, so it includes the wait for the last files' age windows to pass (the
 * short default age stands in for the size rolls of a busy topic; broker and archiver share one clock and the broker
 * is alone here, so the clock-skew and replication-lag margins are zero, and the log ends are checked every poll
 * timeout). Both run once on a small topic first
 * to warm up the JIT.
 */
final class ArchiverBenchmark {

    private static final int PARTITIONS = 6;
    private static final Duration WAIT = Duration.ofMinutes(5);
    /** Short, so the last files roll soon after the last record: the run's end waits for at most age + timeout. */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(50);

    /** Where the raw loop leaves what it read, so the JIT can't drop the reads. */
    private static volatile long sink;

    private final LambdaStack stack = LambdaStack.get();
    private final EventAvroCodec codec = new EventAvroCodec();

    private final int deflateLevel;

    private ArchiverBenchmark(int deflateLevel) {
        this.deflateLevel = deflateLevel;
    }

    static void run(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Duration maxFileAge = args.length > 1 ? DurationStyle.detectAndParse(args[1]) : Duration.ofMillis(200);
        int deflateLevel = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        new ArchiverBenchmark(deflateLevel).measure(events, maxFileAge);
    }

    private void measure(int events, Duration maxFileAge) throws Exception {
        String warmUp = preload(Math.min(events, 50_000), false);
        rawLoop(warmUp, Math.min(events, 50_000));
        archive(warmUp, Math.min(events, 50_000), maxFileAge);

        String topic = preload(events, true);
        double raw = rawLoop(topic, events);
        System.out.printf(Locale.ROOT, "raw consumer loop:   %,d events in %6.2f s = %,10.0f events/s%n", events, events / raw, raw);
        Result archived = archive(topic, events, maxFileAge);
        System.out.printf(Locale.ROOT, "archiver:            %,d events in %6.2f s = %,10.0f events/s  (%d files, %.1f MiB stored, max-file-age %s, deflate %d)%n",
                events, events / archived.eventsPerSecond, archived.eventsPerSecond, archived.files, archived.storedBytes / 1048576.0,
                maxFileAge, deflateLevel);
        System.out.printf(Locale.ROOT, "ratio archiver/raw:  %.3f%n", archived.eventsPerSecond / raw);
    }

    /** Fills a new topic with {@code count} events the way ingestion writes them (key = id, Avro value). */
    private String preload(int count, boolean report) throws Exception {
        String topic = stack.createTopic("bench-archive", PARTITIONS, Map.of("message.timestamp.type", "LogAppendTime"));
        stack.admin().createTopics(List.of(new NewTopic(topic + ".dlt", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Map<String, Object> config = stack.producerProperties();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long bytes = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                byte[] value = codec.encode(event(id, i));
                bytes += value.length;
                sends.add(producer.send(new ProducerRecord<>(topic, id, value)));
                if (sends.size() == 10_000) {
                    awaitAll(sends);
                }
            }
            awaitAll(sends);
        }
        if (report) {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "archive benchmark: %,d events (avg %d B Avro value), %d partitions, LogAppendTime%n",
                    count, bytes / count, PARTITIONS);
            System.out.printf(Locale.ROOT, "preload:             %,d events in %6.2f s = %,10.0f events/s%n", count, seconds, count / seconds);
        }
        return topic;
    }

    /** Events per second of a plain consumer that reads every record once and commits nothing. */
    private double rawLoop(String topic, int count) {
        Map<String, Object> config = stack.consumerProperties("bench-raw-" + topic);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        long started = System.nanoTime();
        long seen = 0;
        long checksum = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (seen < count) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen++;
                    checksum += record.value().length + record.timestamp();
                }
                requireWithin(started);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sink = checksum;
        return seen / seconds;
    }

    private record Result(double eventsPerSecond, long files, long storedBytes) {
    }

    /** Runs one archiver until its commits reach the log end. */
    private Result archive(String topic, int count, Duration maxFileAge) {
        ArchiveProperties properties = ArchiveProperties.defaults().withGroupId("bench-archiver-" + topic)
                .withFileLimits(DataSize.ofMegabytes(64), maxFileAge).withDeflateLevel(deflateLevel)
                .withTiming(POLL_TIMEOUT, POLL_TIMEOUT, Duration.ZERO).withReplicationLagMargin(Duration.ZERO);
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        LettuceConnectionFactory redis = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(stack.redis().host(), stack.redis().port()));
        redis.afterPropertiesSet();
        redis.start();
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            ArchiverFactory factory = new ArchiverFactory(
                    new ArchiverSettings(properties, topic, IngestSlots.ofDefault(), kafka, kafka), store,
                    new ArchiveWatermarkStore(new StringRedisTemplate(redis), new ServingKeys(stack.newKeyPrefix())),
                    new ArchiveMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), ArchiveCommitHook.NONE, Clock.systemUTC());
            Map<TopicPartition, Long> ends = endOffsets(stack.admin(), topic);
            long started = System.nanoTime();
            Archiver archiver = factory.create();
            Thread thread = new Thread(archiver, "bench-archiver");
            thread.start();
            while (!committed(stack.admin(), properties.groupId()).equals(ends)) {
                requireWithin(started);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            archiver.stop();
            thread.join();
            List<StoredObject> objects = store.list(properties.prefix()).toList();
            return new Result(count / seconds, objects.size(), objects.stream().mapToLong(StoredObject::size).sum());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            redis.destroy();
        }
    }

    private Event event(String id, int i) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("url", "/products/category-" + (i % 40) + "/item-" + (i % 5_000));
        attributes.put("userId", "user-" + (i % 100_000));
        attributes.put("country", i % 3 == 0 ? "DE" : i % 3 == 1 ? "US" : "FR");
        attributes.put("durationMs", (long) (i % 30_000));
        attributes.put("referrer", "https://www.example.com/search?q=term-" + (i % 1_000));
        attributes.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36");
        attributes.put("sessionId", "s-" + Integer.toHexString(i / 20));
        return Event.of(id, "pageview", Instant.now().minusSeconds(2), attributes);
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String groupId) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        offsets.forEach((tp, offset) -> {
            if (offset != null) {
                committed.put(tp, offset.offset());
            }
        });
        return committed;
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends) {
        sends.forEach(ArchiverBenchmark::get);
        sends.clear();
    }

    private static void requireWithin(long startedNanos) {
        if (System.nanoTime() - startedNanos > WAIT.toNanos()) {
            throw new IllegalStateException("benchmark step took longer than " + WAIT);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
