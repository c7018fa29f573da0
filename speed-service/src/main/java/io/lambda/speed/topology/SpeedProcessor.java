package io.lambda.speed.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lambda.core.event.Admission;
import io.lambda.core.event.Event;
import io.lambda.core.event.EventRules;
import io.lambda.core.event.EventValidator;
import io.lambda.core.event.RawEvent;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.fold.ViewFold;
import io.lambda.core.fold.ViewVersion;
import io.lambda.speed.publish.PartialWriter;
import io.lambda.speed.store.CellStore;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed layer's per-record work, in the task owning the source partition: effective ingest time, decode,
 * validate (failures to the dead-letter topic), dedup by id within the window of effective ingest time, then the
 * lambda-core fold into the task's cells. Every decision is a function of the records; the wall clock only paces the
 * flush and cleanup punctuations ({@link TaskFlusher}).
 */
final class SpeedProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(SpeedProcessor.class);

    /**
     * The event's structure only (id, type, attributes): the timestamp window is ingest's admission rule at request
     * time. The archive (and so the batch layer) keeps every decodable event, so the speed layer must count the same
     * ones or a merge would differ from a recomputation.
     */
    static final EventRules STRUCTURE_ONLY = new EventRules(Duration.ofDays(3_650_000), Duration.ofDays(3_650_000));

    static final String REASON_HEADER = "lambda-dlt-reason";

    private final SpeedSettings settings;
    private final ViewFold fold;
    private final PartialWriter writer;
    private final SpeedMetrics metrics;
    private final List<ViewVersion> versions;
    private final EventAvroCodec codec = new EventAvroCodec();
    private final EventValidator validator = new EventValidator(STRUCTURE_ONLY);

    private @Nullable ProcessorContext<byte[], byte[]> context;
    private @Nullable WindowStore<String, Long> dedup;
    private @Nullable TaskPosition position;
    private @Nullable CellStore cells;

    SpeedProcessor(SpeedSettings settings, ViewFold fold, PartialWriter writer, SpeedMetrics metrics) {
        this.settings = settings;
        this.fold = fold;
        this.writer = writer;
        this.metrics = metrics;
        this.versions = fold.views().stream().map(ViewVersion::of).toList();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.dedup = context.getStateStore(SpeedTopology.DEDUP_STORE);
        KeyValueStore<String, String> meta = context.getStateStore(SpeedTopology.META_STORE);
        this.position = new TaskPosition(meta, versions);
        this.cells = context.getStateStore(SpeedTopology.CELL_STORE);
        cells.load(fold);
        TaskFlusher flusher = new TaskFlusher(context.taskId().partition(), versions, fold, cells, position, writer,
                metrics, settings.cleanupGrace());
        context.schedule(settings.flushInterval(), PunctuationType.WALL_CLOCK_TIME, flusher::flush);
        context.schedule(settings.cleanupInterval(), PunctuationType.WALL_CLOCK_TIME, flusher::cleanup);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        long effective = position.advance(metadata.offset(), record.timestamp(), versions, settings.slots());
        if (record.value() == null) {
            deadLetter(record, metadata, SkipReason.NO_VALUE, "record has no value", null);
            return;
        }
        Event event;
        try {
            event = codec.decode(record.value());
        } catch (RuntimeException e) {
            deadLetter(record, metadata, SkipReason.UNDECODABLE, String.valueOf(e.getMessage()), e);
            return;
        }
        Instant ingestTime = Instant.ofEpochMilli(effective);
        if (validator.validate(0, RawEvent.of(event.id(), event.type(), event.timestamp().toEpochMilli(),
                event.attributes()), ingestTime) instanceof Admission.Rejected rejected) {
            deadLetter(record, metadata, SkipReason.INVALID, rejected.message(), null);
            return;
        }
        if (isDuplicate(event.id(), effective)) {
            metrics.skipped(SkipReason.DUPLICATE);
            return;
        }
        fold.add(event, ingestTime, settings.slots(), cells.cells());
        metrics.processed();
    }

    /**
     * Whether the id was seen within the window before (first offset wins). The window store drops segments by the
     * effective ingest times put into it, and the fetch range bounds the window exactly: both follow the records.
     */
    private boolean isDuplicate(String id, long effective) {
        long from = Math.max(0, effective - settings.dedupWindow().toMillis() + 1);
        try (WindowStoreIterator<Long> seen = dedup.fetch(id, from, effective)) {
            if (seen.hasNext()) {
                return true;
            }
        }
        dedup.put(id, effective, effective);
        return false;
    }

    private void deadLetter(Record<byte[], byte[]> record, RecordMetadata metadata, SkipReason reason, String message,
            @Nullable Exception cause) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add("kafka_dlt-original-topic", utf8(metadata.topic()));
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(metadata.partition())
                .array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(metadata.offset()).array());
        headers.add("kafka_dlt-original-timestamp", ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp())
                .array());
        headers.add("kafka_dlt-exception-fqcn", utf8(cause == null ? IllegalArgumentException.class.getName()
                : cause.getClass().getName()));
        headers.add("kafka_dlt-exception-message", utf8(message));
        headers.add(REASON_HEADER, utf8(reason.tag()));
        context.forward(record.withHeaders(headers));
        metrics.skipped(reason);
        log.warn("Sent record topic={} partition={} offset={} to {} reason={} message={}", metadata.topic(),
                metadata.partition(), metadata.offset(), settings.deadLetterTopic(), reason.tag(), message);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
