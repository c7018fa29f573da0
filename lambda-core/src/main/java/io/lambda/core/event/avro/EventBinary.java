package io.lambda.core.event.avro;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.ResolvingDecoder;

import org.jspecify.annotations.Nullable;

import io.lambda.core.event.Event;

/**
 * Writes and reads the fields of {@link EventSchema} in schema order. The one place that knows the binary layout;
 * union branch numbers follow the schema: attribute values {@code string, long, double, boolean}, ingestTime
 * {@code null, long}.
 */
final class EventBinary {

    private static final int STRING = 0;
    private static final int LONG = 1;
    private static final int DOUBLE = 2;
    private static final int BOOLEAN = 3;

    private EventBinary() {
    }

    static void write(Event event, Encoder out) throws IOException {
        out.writeString(event.id());
        out.writeString(event.type());
        out.writeLong(event.timestamp().toEpochMilli());
        Map<String, Object> attributes = event.attributes();
        out.writeMapStart();
        out.setItemCount(attributes.size());
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            out.startItem();
            out.writeString(attribute.getKey());
            writeValue(attribute.getValue(), out);
        }
        out.writeMapEnd();
        Instant ingestTime = event.ingestTime();
        if (ingestTime == null) {
            out.writeIndex(0);
            out.writeNull();
        } else {
            out.writeIndex(1);
            out.writeLong(ingestTime.toEpochMilli());
        }
    }

    /** Reads an event written with exactly {@link EventSchema#get()}. */
    static Event read(Decoder in) throws IOException {
        String id = in.readString();
        String type = in.readString();
        Instant timestamp = Instant.ofEpochMilli(in.readLong());
        Map<String, Object> attributes = readAttributes(in);
        return new Event(id, type, timestamp, attributes, readIngestTime(in));
    }

    /** Reads an event written with another schema, in the field order the resolver dictates. */
    static Event readResolved(ResolvingDecoder in) throws IOException {
        @Nullable String id = null;
        @Nullable String type = null;
        @Nullable Instant timestamp = null;
        Map<String, Object> attributes = Map.of();
        @Nullable Instant ingestTime = null;
        for (Schema.Field field : in.readFieldOrder()) {
            switch (field.name()) {
                case "id" -> id = in.readString();
                case "type" -> type = in.readString();
                case "timestamp" -> timestamp = Instant.ofEpochMilli(in.readLong());
                case "attributes" -> attributes = readAttributes(in);
                case "ingestTime" -> ingestTime = readIngestTime(in);
                default -> throw new AvroRuntimeException("unexpected event field " + field.name());
            }
        }
        if (id == null || type == null || timestamp == null) {
            throw new AvroRuntimeException("event without id, type or timestamp");
        }
        return new Event(id, type, timestamp, attributes, ingestTime);
    }

    /**
     * Reads over one event written with exactly {@link EventSchema#get()}, checking its structure as {@link #read}
     * would, and returns its {@code ingestTime} union branch (0 null, 1 long); the decoder is left after the event.
     */
    static int skip(Decoder in) throws IOException {
        in.skipString();
        in.skipString();
        in.readLong();
        for (long count = in.readMapStart(); count > 0; count = in.mapNext()) {
            for (long i = 0; i < count; i++) {
                in.skipString();
                int branch = in.readIndex();
                switch (branch) {
                    case STRING -> in.skipString();
                    case LONG -> in.readLong();
                    case DOUBLE -> in.readDouble();
                    case BOOLEAN -> in.readBoolean();
                    default -> throw new AvroRuntimeException("unknown attribute union branch " + branch);
                }
            }
        }
        int branch = in.readIndex();
        if (branch == 1) {
            in.readLong();
        } else if (branch != 0) {
            throw new AvroRuntimeException("unknown ingestTime union branch " + branch);
        }
        return branch;
    }

    private static void writeValue(Object value, Encoder out) throws IOException {
        if (value instanceof String s) {
            out.writeIndex(STRING);
            out.writeString(s);
        } else if (value instanceof Long l) {
            out.writeIndex(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeIndex(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeIndex(BOOLEAN);
            out.writeBoolean(b);
        } else { // Event admits no other type
            throw new AvroRuntimeException("unsupported attribute value " + value.getClass().getName());
        }
    }

    private static Map<String, Object> readAttributes(Decoder in) throws IOException {
        long count = in.readMapStart();
        if (count == 0) {
            return Map.of();
        }
        Map<String, Object> attributes = new HashMap<>((int) Math.min(count * 2, 128));
        while (count > 0) {
            for (long i = 0; i < count; i++) {
                String key = in.readString();
                attributes.put(key, readValue(in));
            }
            count = in.mapNext();
        }
        return attributes;
    }

    private static Object readValue(Decoder in) throws IOException {
        int branch = in.readIndex();
        return switch (branch) {
            case STRING -> in.readString();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            default -> throw new AvroRuntimeException("unknown attribute union branch " + branch);
        };
    }

    private static @Nullable Instant readIngestTime(Decoder in) throws IOException {
        int branch = in.readIndex();
        if (branch == 0) {
            in.readNull();
            return null;
        }
        if (branch == 1) {
            return Instant.ofEpochMilli(in.readLong());
        }
        throw new AvroRuntimeException("unknown ingestTime union branch " + branch);
    }
}
