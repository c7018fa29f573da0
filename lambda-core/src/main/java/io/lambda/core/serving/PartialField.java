package io.lambda.core.serving;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The hash field of one group in a speed partial hash: {@code <slotEpochSeconds>|<group field>}, i.e.
 * {@code <slot>|<bucket>|<value1>|...} with the escaping of {@link GroupField}. A speed partial hash covers
 * one hour of ingest slots, so the slot is part of the field: a query keeps only fields whose slot is at or
 * after the batch boundary.
 *
 * <p>Every partial hash also holds the reserved field {@link #OFFSET_FIELD}; group fields start with a
 * digit or {@code -}, so they never collide with a reserved field (which starts with {@code ~}).
 *
 * @param slot  the ingest slot start (UTC, whole second)
 * @param group the event-time bucket and dimension values
 */
public record PartialField(Instant slot, GroupField group) {

    /**
     * Reserved field: the source position (next Kafka offset, decimal) of the flush that last wrote this
     * hash; see KEYS.md for how the write guard uses it.
     */
    public static final String OFFSET_FIELD = "~offset";

    public PartialField {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(group, "group");
        if (slot.getNano() != 0) {
            throw new IllegalArgumentException("slot must be a whole second, got " + slot);
        }
    }

    /** Whether a field of a partial hash is reserved (not a group). */
    public static boolean isReserved(String field) {
        return field.startsWith("~");
    }

    /** The field text. */
    public String encode() {
        StringBuilder field = new StringBuilder(32 + group.values().size() * 16);
        FieldText.appendSeconds(field, slot, "slot");
        field.append(FieldText.SEPARATOR);
        group.appendTo(field);
        return field.toString();
    }

    /** The field as Redis stores it (UTF-8). */
    public byte[] toBytes() {
        return FieldText.utf8Bytes(encode());
    }

    /**
     * @throws IllegalArgumentException when the text is not a partial field (reserved fields included)
     */
    public static PartialField decode(String field) {
        List<String> parts = FieldText.split(field);
        if (parts.size() < 2) {
            throw new IllegalArgumentException("not a partial field (expected <slot>|<bucket>...): '" + field + "'");
        }
        return new PartialField(FieldText.seconds(parts.get(0), field),
                new GroupField(FieldText.seconds(parts.get(1), field), parts.subList(2, parts.size())));
    }

    /**
     * @throws IllegalArgumentException when the bytes are not UTF-8 or not a partial field
     */
    public static PartialField fromBytes(byte[] field) {
        return decode(FieldText.utf8(field));
    }
}
