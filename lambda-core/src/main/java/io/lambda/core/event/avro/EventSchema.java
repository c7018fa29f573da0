package io.lambda.core.event.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.avro.Schema;

/** The event schema, loaded once from {@code avro/event.avsc} on the classpath. */
public final class EventSchema {

    /** Classpath location of the schema file. */
    public static final String RESOURCE = "/avro/event.avsc";

    private static final Schema SCHEMA = load();

    private EventSchema() {
    }

    /** The current event schema ({@code io.lambda.core.event.avro.Event}); Avro schemas are immutable. */
    public static Schema get() {
        return SCHEMA;
    }

    private static Schema load() {
        try (InputStream in = EventSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
