package io.lambda.core.event.avro;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
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
}
