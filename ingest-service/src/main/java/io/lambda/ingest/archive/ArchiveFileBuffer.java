package io.lambda.ingest.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventDatumWriter;
import io.lambda.core.event.avro.EventSchema;
import io.lambda.core.store.ArchiveFile;

/**
 * The open file of one partition: an Avro object-container file built in memory from records of one ingest slot.
 *
 * <p>The file's bytes depend only on its records and its name: the container's sync marker, random by default, is
 * derived from topic, partition and first offset. Writing the same records again gives the same object.
 */
final class ArchiveFileBuffer {

    private final int partition;
    private final Instant slot;
    private final long firstOffset;
    private final Instant firstIngestTime;
    private final long windowEnd;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final DataFileWriter<Event> writer;
    private long lastOffset;
    private Instant lastIngestTime;
    private long encodedBytes;
    private int records;

    /** Opens a file whose first record is at {@code firstOffset}; append that record next. */
    ArchiveFileBuffer(String topic, int partition, Instant slot, long firstOffset, Instant firstIngestTime,
            long windowEnd, int deflateLevel) {
        this.partition = partition;
        this.slot = slot;
        this.firstOffset = firstOffset;
        this.firstIngestTime = firstIngestTime;
        this.windowEnd = windowEnd;
        this.lastOffset = firstOffset;
        this.lastIngestTime = firstIngestTime;
        this.writer = new DataFileWriter<>(new EventDatumWriter())
                .setCodec(deflateLevel == 0 ? CodecFactory.nullCodec() : CodecFactory.deflateCodec(deflateLevel))
                .setMeta("lambda.topic", topic)
                .setMeta("lambda.partition", partition)
                .setMeta("lambda.first-offset", firstOffset);
        try {
            writer.create(EventSchema.get(), out, syncMarker(topic, partition, firstOffset));
        } catch (IOException e) { // writes to memory only
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one event, already Avro-encoded with its ingest time. Offsets must grow. */
    void append(long offset, byte[] encodedEvent, Instant ingestTime) {
        if (records > 0 && offset <= lastOffset) {
            throw new IllegalArgumentException("offset " + offset + " is not after " + lastOffset);
        }
        try {
            writer.appendEncoded(ByteBuffer.wrap(encodedEvent));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastOffset = offset;
        lastIngestTime = ingestTime;
        encodedBytes += encodedEvent.length;
        records++;
    }

    /** Closes the file and hands out its bytes; the buffer is unusable afterwards. */
    SealedFile seal() {
        if (records == 0) {
            throw new IllegalStateException("an archive file needs at least one record");
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SealedFile(new ArchiveFile(slot, partition, firstOffset, lastOffset), out.toByteArray(), records,
                lastIngestTime);
    }

    Instant slot() {
        return slot;
    }

    long firstOffset() {
        return firstOffset;
    }

    Instant firstIngestTime() {
        return firstIngestTime;
    }

    /** The end (exclusive, epoch millis) of the age window ({@link FileLimits#windowEnd}) of the file's records. */
    long windowEnd() {
        return windowEnd;
    }

    /** Sum of the appended records' encoded sizes (before compression). */
    long encodedBytes() {
        return encodedBytes;
    }

    private static byte[] syncMarker(String topic, int partition, long firstOffset) {
        try {
            return MessageDigest.getInstance("MD5") // 16 bytes, the marker's size; not a security use
                    .digest((topic + "/" + partition + "/" + firstOffset).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides MD5", e);
        }
    }
}
