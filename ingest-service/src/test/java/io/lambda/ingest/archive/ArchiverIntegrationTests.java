package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.unit.DataSize;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.StoredObject;
import io.lambda.ingest.archive.ArchiveTestbed.Produced;
import io.lambda.test.LambdaStack;
import io.lambda.test.LambdaStackTest;

@LambdaStackTest
class ArchiverIntegrationTests {

    @Test
    void shouldArchiveEveryEventExactlyOnceInFilesOfOneSlotAndPartition(LambdaStack stack) {
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 3, DataSize.ofKilobytes(6), Duration.ofSeconds(1))) {
            bed.start(bed.factory);

            bed.produceAcrossSlots(3, 150);
            bed.assertWatermarkNotAheadOfArchive();
            bed.awaitEverythingCommitted(bed::assertWatermarkNotAheadOfArchive);

            bed.assertEveryEventArchivedExactlyOnce();
            List<ArchiveFile> files = bed.files();
            assertThat(files).extracting(ArchiveFile::partition).containsOnly(0, 1, 2);
            assertThat(files.stream().map(ArchiveFile::slot).distinct().count()).isGreaterThanOrEqualTo(3);
            assertThat(files).allSatisfy(file -> assertThat(ArchiveTestbed.SLOTS.isSlotStart(file.slot())).isTrue());
            assertThat(bed.registry.get("lambda.archive.records").counter().count()).isEqualTo(bed.produced.size());
            assertThat(bed.registry.get("lambda.archive.files").counter().count()).isEqualTo(files.size());
            assertThat(bed.registry.get("lambda.archive.bytes").counter().count()).isPositive();
        }
    }

    @Test
    void shouldPublishAWatermarkThatReachesNowOnceEveryPartitionIsArchived(LambdaStack stack) {
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 3, DataSize.ofMegabytes(1), Duration.ofSeconds(1))) {
            Instant lastIngest = bed.produce(60).stream().map(Produced::ingestTime).max(Comparator.naturalOrder()).orElseThrow();
            assertThat(bed.watermarks.overall(3)).isEmpty();

            bed.start(bed.factory);
            bed.awaitEverythingCommitted(bed::assertWatermarkNotAheadOfArchive);

            await("watermark past the last event").atMost(ArchiveTestbed.WAIT).untilAsserted(() -> {
                assertThat(bed.watermarks.perPartition()).containsOnlyKeys(0, 1, 2);
                assertThat(bed.watermarks.overall(3)).hasValueSatisfying(w -> assertThat(w).isAfter(lastIngest));
                assertThat(bed.registry.get("lambda.archive.watermark").gauge().value())
                        .isGreaterThan(lastIngest.toEpochMilli() / 1000.0);
            });
            // "now" of a caught-up partition keeps the clock-skew and replication-lag margins
            assertThat(bed.watermarks.overall(3)).hasValueSatisfying(w -> assertThat(w)
                    .isBeforeOrEqualTo(Instant.now().minus(bed.properties.unreadRecordsMargin())));
            assertThat(bed.watermarks.overall(4)).as("a partition that never published").isEmpty();
        }
    }

    @Test
    void shouldKeepTheWatermarkAndTheLastFilesBackWhileFollowersMayStillHideEarlierRecords(LambdaStack stack) {
        // with replication, a record stamped a while ago may still be invisible at the log end: until the replication-
        // lag margin has passed, neither may a file of its age window be sealed nor the watermark pass it
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 2, DataSize.ofMegabytes(1), Duration.ofSeconds(1))) {
            List<Produced> produced = bed.produce(40);
            Produced last = produced.stream().max(Comparator.comparing(Produced::ingestTime)).orElseThrow();
            Instant lastIngest = last.ingestTime();

            bed.start(bed.withReplicationLagMargin(Duration.ofHours(1)));
            await("watermarks of both partitions").atMost(ArchiveTestbed.WAIT)
                    .until(() -> bed.watermarks.overall(2).isPresent());
            // without the margin the files would roll here: their 1 s window and the clock-skew margin have passed,
            // and the watermark would follow "now"; give the archiver two log-end checks more than that
            Instant rollWithoutMargin = lastIngest.plusSeconds(1).plus(bed.properties.clockSkewMargin())
                    .plus(bed.properties.watermarkInterval().multipliedBy(2));
            await("the clock past " + rollWithoutMargin).atMost(Duration.ofSeconds(30))
                    .until(() -> Instant.now().isAfter(rollWithoutMargin));

            // the last record's window stays open: not stored, not committed, and the watermark not past it
            assertThat(bed.files()).noneMatch(file -> file.partition() == last.partition() && file.covers(last.offset()));
            assertThat(bed.committedOffsets().getOrDefault(last.partition(), 0L)).isLessThanOrEqualTo(last.offset());
            assertThat(bed.watermarks.overall(2)).hasValueSatisfying(w -> assertThat(w).isBeforeOrEqualTo(lastIngest));
        }
    }

    @Test
    void shouldHoldTheWatermarkWhileAnOpenTransactionHidesLaterRecords(LambdaStack stack) throws Exception {
        // another writer's open transaction stops the last stable offset: ingest's records after its first one are
        // stamped but invisible to the archiver (read_committed) until it ends
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 1, DataSize.ofMegabytes(1), Duration.ofSeconds(1));
             KafkaProducer<String, byte[]> transactional = transactionalProducer(stack)) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(bed.topic, "tx-1", new EventAvroCodec().encode(
                    Event.of("tx-1", "pageview", Instant.now(), Map.of())))).get();
            List<Produced> hidden = bed.produce(10);
            Instant lastIngest = hidden.stream().map(Produced::ingestTime).max(Comparator.naturalOrder()).orElseThrow();

            bed.start(bed.factory);
            // by then a partition counted as read to its end would have rolled its file and let the watermark follow
            // "now"; give the archiver two log-end checks more than that
            Instant rollIfCaughtUp = lastIngest.plusSeconds(1).plus(bed.properties.unreadRecordsMargin())
                    .plus(bed.properties.watermarkInterval().multipliedBy(2));
            await("the clock past " + rollIfCaughtUp).atMost(Duration.ofSeconds(30))
                    .until(() -> Instant.now().isAfter(rollIfCaughtUp));

            assertThat(bed.files()).isEmpty();
            assertThat(bed.watermarks.overall(1)).as("watermark while the records are hidden")
                    .satisfiesAnyOf(w -> assertThat(w).isEmpty(), w -> assertThat(w).hasValueSatisfying(
                            value -> assertThat(value).isBeforeOrEqualTo(hidden.get(0).ingestTime())));

            transactional.abortTransaction();
            await("hidden records archived").atMost(ArchiveTestbed.WAIT)
                    .untilAsserted(bed::assertEveryEventArchivedExactlyOnce);
            await("watermark past the hidden records").atMost(ArchiveTestbed.WAIT).untilAsserted(() -> assertThat(
                    bed.watermarks.overall(1)).hasValueSatisfying(w -> assertThat(w).isAfter(lastIngest)));
        }
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(LambdaStack stack) {
        Map<String, Object> properties = new HashMap<>(stack.producerProperties());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "other-writer-" + stack.newKeyPrefix().replace(":", ""));
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    @Test
    void shouldNeitherDuplicateNorLoseEventsWhenCrashingBetweenPutAndCommit(LambdaStack stack) {
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 2, DataSize.ofKilobytes(6), Duration.ofSeconds(1))) {
            bed.produce(300);
            List<ArchiveFile> storedBeforeCrash = new ArrayList<>();
            ArchiveCommitHook crash = stored -> {
                storedBeforeCrash.addAll(stored);
                throw new IllegalStateException("simulated crash between put and commit");
            };

            var crashed = bed.start(bed.factory.withHook(crash));
            await("the crash").atMost(ArchiveTestbed.WAIT).until(crashed::isDone);

            assertThat(crashed).isCompletedExceptionally();
            assertThat(storedBeforeCrash).isNotEmpty();
            assertThat(bed.files()).containsExactlyInAnyOrderElementsOf(storedBeforeCrash);
            Map<Integer, Long> committed = bed.committedOffsets();
            assertThat(storedBeforeCrash).allSatisfy(file -> assertThat(committed.getOrDefault(file.partition(), 0L))
                    .as("commit of %s's partition", file).isLessThan(file.nextOffset()));
            Map<ArchiveFile, byte[]> bytesBeforeRestart = storedBeforeCrash.stream().collect(Collectors.toMap(f -> f,
                    f -> bed.store.get(bed.dataset().paths().key(f)).orElseThrow()));

            bed.produce(100);
            bed.start(bed.factory);
            bed.awaitEverythingCommitted(() -> { });

            bed.assertEveryEventArchivedExactlyOnce();
            assertThat(bed.files()).containsAll(storedBeforeCrash);
            bytesBeforeRestart.forEach((file, bytes) -> assertThat(bed.store.get(bed.dataset().paths().key(file)))
                    .hasValueSatisfying(now -> assertThat(now).isEqualTo(bytes)));
            assertThat(bed.registry.get("lambda.archive.recovered.files").counter().count())
                    .isEqualTo(storedBeforeCrash.size());
        }
    }

    @Test
    void shouldCutTheSameFilesWhateverPaceTheRecordsAreReadAt(LambdaStack stack) {
        // what a zombie archiver (one that lost its partitions while storing a file) and the partitions' new owner do:
        // read the same records from the same offset at different times; they must store the same objects
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 2, DataSize.ofMegabytes(1), Duration.ofSeconds(1));
             ObjectStore later = ObjectStore.create(stack.newBucket())) {
            bed.start(bed.factory); // live: reads while the records arrive, rolls idle files by the clock
            bed.produceSteadily(25, 8, Duration.ofMillis(150));
            bed.awaitEverythingCommitted(() -> { });

            String laterGroup = "later-" + bed.topic;
            bed.start(bed.otherArchive(laterGroup, later, Duration.ofMillis(50))); // afterwards, all in one go
            Map<Integer, Long> ends = bed.endOffsets();
            await("the later archive's commits reaching the log end").atMost(ArchiveTestbed.WAIT)
                    .until(() -> bed.committedOffsets(laterGroup).equals(ends));

            Map<String, byte[]> live = contents(bed.store);
            assertThat(live.size()).as("files of the live archive: a partition and second each").isGreaterThanOrEqualTo(6);
            assertThat(contents(later)).containsOnlyKeys(live.keySet())
                    .allSatisfy((key, bytes) -> assertThat(bytes).as(key).isEqualTo(live.get(key)));
        }
    }

    private static Map<String, byte[]> contents(ObjectStore store) {
        return store.list("").collect(Collectors.toMap(StoredObject::key, o -> store.get(o.key()).orElseThrow()));
    }

    @Test
    void shouldSendUnreadableRecordsToTheDeadLetterTopicAndArchiveAroundThem(LambdaStack stack) {
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 1, DataSize.ofMegabytes(1), Duration.ofSeconds(1))) {
            bed.produce(20);
            long garbage = bed.produceRaw("bad-1", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
            long tombstone = bed.produceRaw("bad-2", null);
            bed.produce(20);

            bed.start(bed.factory);
            bed.awaitEverythingCommitted(() -> { });

            bed.assertEveryEventArchivedExactlyOnce();
            List<ConsumerRecord<String, byte[]>> deadLetters = readAll(stack, DeadLetters.topicOf(bed.topic), 2);
            assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("bad-1", "bad-2");
            assertThat(deadLetters).extracting(r -> ByteBuffer.wrap(header(r, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong())
                    .containsExactly(garbage, tombstone);
            assertThat(deadLetters).extracting(r -> new String(header(r, KafkaHeaders.DLT_ORIGINAL_TOPIC), StandardCharsets.UTF_8))
                    .containsOnly(bed.topic);
            assertThat(deadLetters).extracting(r -> new String(header(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE), StandardCharsets.UTF_8))
                    .last().isEqualTo("record has no value");
            assertThat(bed.registry.get("lambda.archive.dead.letters").counter().count()).isEqualTo(2);
        }
    }

    @Test
    void shouldShareTheWorkBetweenTwoInstancesOfTheGroupWithoutDuplicates(LambdaStack stack) {
        try (ArchiveTestbed bed = new ArchiveTestbed(stack, 4, DataSize.ofKilobytes(6), Duration.ofSeconds(1))) {
            bed.start(bed.factory);
            bed.start(bed.factory);

            bed.produceAcrossSlots(2, 200);
            bed.awaitEverythingCommitted(bed::assertWatermarkNotAheadOfArchive);

            bed.assertEveryEventArchivedExactlyOnce();
            await("watermark of all four partitions").atMost(ArchiveTestbed.WAIT)
                    .untilAsserted(() -> assertThat(bed.watermarks.overall(4)).isPresent());
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(LambdaStack stack, String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = stack.newConsumer("reader-" + topic)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            await("dead letters").atMost(ArchiveTestbed.WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static byte[] header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name).value();
    }
}
