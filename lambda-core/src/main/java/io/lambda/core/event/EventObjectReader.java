package io.lambda.core.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one event object from a streaming parser straight into a {@link RawEvent}: no tree, no map but the
 * attributes. Notes the first structural problem (unknown, duplicate or platform-owned field, duplicate attribute
 * key) and reads on to the object's end, so the next event can still be read. One instance per parser.
 */
final class EventObjectReader {

    private static final int ID = 1;
    private static final int TYPE = 2;
    private static final int TIMESTAMP = 4;
    private static final int ATTRIBUTES = 8;

    private final JsonParser parser;
    private @Nullable String problem;

    EventObjectReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the object whose {@code START_OBJECT} is the current token, up to and including its end. */
    RawEvent read() {
        problem = null;
        Object id = null;
        Object type = null;
        Object timestamp = null;
        Object attributes = null;
        int seen = 0;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            int field = field(name);
            if (field == 0) {
                note("ingestTime".equals(name) ? EventMessages.INGEST_TIME_SET : EventMessages.unknownField(name));
                parser.skipChildren();
            } else if ((seen & field) != 0) {
                note(EventMessages.duplicateField(name));
                parser.skipChildren();
            } else {
                seen |= field;
                switch (field) {
                    case ID -> id = value(token);
                    case TYPE -> type = value(token);
                    case TIMESTAMP -> timestamp = value(token);
                    default -> attributes = token == JsonToken.START_OBJECT ? attributes() : value(token);
                }
            }
        }
        return new RawEvent(id, type, timestamp, attributes, problem);
    }

    private static int field(String name) {
        return switch (name) {
            case "id" -> ID;
            case "type" -> TYPE;
            case "timestamp" -> TIMESTAMP;
            case "attributes" -> ATTRIBUTES;
            default -> 0;
        };
    }

    private Map<String, Object> attributes() {
        FrozenAttributes.Builder attributes = new FrozenAttributes.Builder();
        String key;
        while ((key = parser.nextName()) != null) {
            if (!attributes.add(key, value(parser.nextToken()))) {
                note(EventMessages.duplicateAttribute(key));
            }
        }
        return attributes.build();
    }

    /** The current value in {@link RawEvent}'s representation; skips the content of arrays and objects. */
    private Object value(JsonToken token) {
        switch (token) {
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getBigIntegerValue();
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case START_ARRAY:
                parser.skipChildren();
                return RawEvent.Shape.ARRAY;
            case START_OBJECT:
                parser.skipChildren();
                return RawEvent.Shape.OBJECT;
            default:
                return RawEvent.Shape.NULL;
        }
    }

    private void note(String message) {
        if (problem == null) {
            problem = message;
        }
    }
}
