package io.lambda.core.event.avro;

import java.io.IOException;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;
import org.jspecify.annotations.Nullable;

import io.lambda.core.event.Event;

/**
 * Reads {@link Event}s, e.g. from an object-container file:
 * {@code new DataFileStream<>(in, new EventDatumReader())}.
 *
 * <p>Data written with {@link EventSchema} is read directly. Data written with another version of the event schema
 * (the writer schema a container file names in its header) is resolved to the current one by Avro's schema
 * resolution: added fields take their defaults, e.g. {@code ingestTime} null. Not thread-safe: one instance per
 * reading thread or file, like {@code DataFileStream} itself.
 */
public final class EventDatumReader implements DatumReader<Event> {

    private @Nullable ResolvingDecoder resolver;

    /** Reads data written with {@link EventSchema}. */
    public EventDatumReader() {
    }

    /** Reads data written with {@code writerSchema}. */
    public EventDatumReader(Schema writerSchema) {
        setSchema(writerSchema);
    }

    /** Sets the schema the data was written with. */
    @Override
    public void setSchema(Schema writerSchema) {
        Objects.requireNonNull(writerSchema, "writerSchema");
        if (EventSchema.get().equals(writerSchema)) {
            resolver = null;
            return;
        }
        try {
            Schema aliased = Schema.applyAliases(writerSchema, EventSchema.get());
            resolver = DecoderFactory.get().resolvingDecoder(aliased, EventSchema.get(), null);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot resolve " + writerSchema + " to the event schema", e);
        }
    }

    @Override
    public Event read(@Nullable Event reuse, Decoder in) throws IOException {
        ResolvingDecoder resolving = resolver;
        if (resolving == null) {
            return EventBinary.read(in);
        }
        resolving.configure(in);
        Event event = EventBinary.readResolved(resolving);
        resolving.drain();
        return event;
    }
}
