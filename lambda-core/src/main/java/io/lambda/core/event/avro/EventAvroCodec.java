package io.lambda.core.event.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import io.lambda.core.event.Event;

/**
 * Avro binary encoding of one {@link Event} with {@link EventSchema}: the Kafka record value of {@code lambda.events}.
 * The bytes are plain Avro binary (no header, no schema id), readable by any Avro library given the schema.
 *
 * <p>Thread-safe: each thread reuses its own encoder (with its output buffer) and decoder, held in thread-locals.
 */
public final class EventAvroCodec {

    private static final int MAX_LONG_BYTES = 10;
    private static final ThreadLocal<ArrayBinaryEncoder> ENCODER =
            ThreadLocal.withInitial(ArrayBinaryEncoder::new);
    private static final ThreadLocal<BinaryDecoder[]> DECODER = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    /** The schema the bytes are written with. */
    public Schema schema() {
        return EventSchema.get();
    }

    public byte[] encode(Event event) {
        ArrayBinaryEncoder encoder = ENCODER.get();
        encoder.reset();
        try {
            EventBinary.write(event, encoder);
            return encoder.toByteArray();
        } catch (IOException e) { // writes to memory only
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the bytes {@link #encode(Event)} writes.
     *
     * @throws AvroRuntimeException when {@code bytes} is not exactly one event of this schema
     */
    public Event decode(byte[] bytes) {
        BinaryDecoder[] holder = DECODER.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, holder[0]);
        holder[0] = decoder;
        try {
            Event event = EventBinary.read(decoder);
            if (!decoder.isEnd()) {
                throw new AvroRuntimeException("trailing bytes after the event of " + bytes.length + " bytes");
            }
            return event;
        } catch (IOException e) {
            throw new AvroRuntimeException("not an Avro-encoded event: " + e.getMessage(), e);
        }
    }

    /**
     * The bytes {@link #encode} writes for {@code decode(encoded).withIngestTime(ingestTime)}, checking the same
     * structure {@link #decode} does but without building the event: for an event without an ingest time (as
     * ingestion writes them) the fields before {@code ingestTime} are copied as they are.
     *
     * @throws AvroRuntimeException when {@code encoded} is not exactly one event of this schema
     */
    public byte[] withIngestTime(byte[] encoded, Instant ingestTime) {
        BinaryDecoder[] holder = DECODER.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(encoded, holder[0]);
        holder[0] = decoder;
        int branch;
        try {
            branch = EventBinary.skip(decoder);
            if (!decoder.isEnd()) {
                throw new AvroRuntimeException("trailing bytes after the event of " + encoded.length + " bytes");
            }
        } catch (IOException e) {
            throw new AvroRuntimeException("not an Avro-encoded event: " + e.getMessage(), e);
        }
        if (branch != 0) { // already stamped: where its ingestTime starts depends on the varint, so re-encode
            return encode(decode(encoded).withIngestTime(ingestTime));
        }
        // the null branch is the last byte, 0x00: replace it by branch 1 (zig-zag 0x02) and the long
        byte[] stamped = Arrays.copyOf(encoded, encoded.length + MAX_LONG_BYTES);
        stamped[encoded.length - 1] = 0x02;
        int written = BinaryData.encodeLong(ingestTime.toEpochMilli(), stamped, encoded.length);
        return Arrays.copyOf(stamped, encoded.length + written);
    }
}
