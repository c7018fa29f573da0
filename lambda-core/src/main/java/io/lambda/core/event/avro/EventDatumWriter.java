package io.lambda.core.event.avro;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

import io.lambda.core.event.Event;

/**
 * Writes {@link Event}s with {@link EventSchema}, e.g. into an object-container file:
 * {@code new DataFileWriter<>(new EventDatumWriter()).create(EventSchema.get(), out)}.
 * Stateless, so thread-safe (a {@code DataFileWriter} itself is not).
 */
public final class EventDatumWriter implements DatumWriter<Event> {

    /** Only {@link EventSchema#get()} is accepted: this writer knows no other layout. */
    @Override
    public void setSchema(Schema schema) {
        if (!EventSchema.get().equals(schema)) {
            throw new IllegalArgumentException("EventDatumWriter writes only " + EventSchema.get().getFullName()
                    + " as in " + EventSchema.RESOURCE + ", not " + schema);
        }
    }

    @Override
    public void write(Event event, Encoder out) throws IOException {
        EventBinary.write(event, out);
    }
}
