package io.lambda.ingest.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;

/**
 * An event as the event topic holds it: the record key (the event id) and the record value (the event's Avro
 * binary, {@link EventAvroCodec}).
 *
 * @param id the event id
 * @param value the Avro binary of the event; owned by this record, not to be changed
 */
public record EncodedEvent(String id, byte[] value) {

    private static final EventAvroCodec CODEC = new EventAvroCodec();

    public EncodedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }

    /** {@code event} encoded. */
    public static EncodedEvent of(Event event) {
        return new EncodedEvent(event.id(), CODEC.encode(event));
    }

    /** Each of {@code events} encoded, in their order. */
    public static List<EncodedEvent> of(Collection<Event> events) {
        List<EncodedEvent> encoded = new ArrayList<>(events.size());
        for (Event event : events) {
            encoded.add(of(event));
        }
        return encoded;
    }
}
