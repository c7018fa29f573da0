package io.lambda.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.test.LambdaStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The speed benchmark's baselines, each reading the whole topic from its first offset in this JVM: (a) a minimal Kafka
 * Streams {@code exactly_once_v2} application counting records per key into a changelogged RocksDB store, with the
 * speed service's commit interval, timed from its {@code RUNNING} state until its committed offsets reach the log
 * ends; (b) a raw consumer loop that polls and decodes every value with {@link EventAvroCodec}.
 */
final class SpeedBenchmarkBaselines {

    private static final Duration WAIT = Duration.ofMinutes(5);

    /** Where the raw loop leaves what it decoded, so the JIT can't drop the decoding. */
    private static volatile long sink;

    private SpeedBenchmarkBaselines() {
    }

    /**
     * One catch-up: {@code records} read in {@code nanos}; {@code cpuNanos} is this JVM's CPU meanwhile (broker and
     * benchmark alike) and {@code startNanos} the time before the timed part (group join, state restore).
     */
    record Run(String name, long records, long nanos, long cpuNanos, long startNanos) {

        double eventsPerSecond() {
            return records * 1e9 / nanos;
        }

        double cpuMillisPerThousand() {
            return cpuNanos / 1e3 / records;
        }
    }

    /** (b): poll and decode every record of the partitions until each position reaches its end offset. */
    static Run rawConsumer(LambdaStack stack, Map<TopicPartition, Long> ends) {
        Map<String, Object> properties = stack.consumerProperties("bench-speed-raw-" + UUID.randomUUID());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000); // Kafka Streams' consumer setting
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // as under exactly_once_v2
        EventAvroCodec codec = new EventAvroCodec();
        long[] endOf = new long[ends.keySet().stream().mapToInt(TopicPartition::partition).max().orElse(0) + 1];
        ends.forEach((partition, end) -> endOf[partition.partition()] = end);
        long records = 0;
        long decoded = 0;
        long cpuStart = JvmCpu.nanos();
        long start = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = start + WAIT.toNanos();
            while (!caughtUp(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw consumer did not reach the log end within " + WAIT);
                }
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : polled) {
                    if (record.offset() < endOf[record.partition()]) { // the topic may have grown since
                        decoded += codec.decode(record.value()).attributes().size();
                        records++;
                    }
                }
            }
        }
        long nanos = System.nanoTime() - start;
        sink = decoded;
        return new Run("(b) raw consumer, poll + Avro decode", records, nanos, JvmCpu.nanos() - cpuStart, 0);
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * (a): {@code stream(topic).groupByKey().count()} into a RocksDB store (changelogged, no repartition: the source
     * key is the key), exactly_once_v2, one stream thread, {@code commitInterval}; timed from RUNNING until the
     * committed offsets of its group equal the end offsets.
     */
    static Run streams(LambdaStack stack, String topic, Map<TopicPartition, Long> ends, Duration commitInterval)
            throws Exception {
        String applicationId = "bench-speed-eos-" + UUID.randomUUID().toString().substring(0, 8);
        Path stateDir = Files.createTempDirectory("lambda-bench-streams");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray())).groupByKey()
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts"));
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        CountDownLatch running = new CountDownLatch(1);
        AtomicLong runningAt = new AtomicLong();
        long created = System.nanoTime();
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && runningAt.compareAndSet(0, System.nanoTime())) {
                running.countDown();
            }
        });
        try {
            streams.start();
            if (!running.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Streams baseline was not RUNNING within " + WAIT);
            }
            long start = runningAt.get();
            long cpuRunning = JvmCpu.nanos();
            long atStart = committed(stack, applicationId);
            long deadline = start + WAIT.toNanos();
            long done;
            while ((done = committed(stack, applicationId)) < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Streams baseline committed " + done + " of " + total
                            + " records within " + WAIT);
                }
                Thread.sleep(20); // poll interval of a bounded wait
            }
            long end = System.nanoTime();
            return new Run("(a) Kafka Streams EOS count per key", total - atStart, end - start,
                    JvmCpu.nanos() - cpuRunning, start - created);
        } finally {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }

    /** The sum of the committed offsets of a consumer group (0 for partitions without one). */
    private static long committed(LambdaStack stack, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = stack.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }
}
