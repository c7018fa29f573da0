package io.lambda.core.merge;

import java.util.Objects;

import io.lambda.core.serving.GroupField;
import io.lambda.core.serving.PartialField;
import org.jspecify.annotations.Nullable;

/**
 * One field read from Redis with its aggregate bytes: a batch row field ({@code slot} null) or a speed partial field
 * (its ingest slot set). The merge decodes the bytes only for cells it keeps.
 *
 * @param group     the event-time bucket and the kept dimension values
 * @param slot      the ingest slot start of a speed partial, epoch seconds; null for a batch row
 * @param aggregate {@code AggregateMonoid.serialize} bytes
 */
public record StoredCell(GroupField group, @Nullable Long slot, byte[] aggregate) {

    public StoredCell {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(aggregate, "aggregate");
    }

    /** A batch row field. */
    public static StoredCell batch(GroupField field, byte[] aggregate) {
        return new StoredCell(field, null, aggregate);
    }

    /** A speed partial field. */
    public static StoredCell speed(PartialField field, byte[] aggregate) {
        return new StoredCell(field.group(), field.slot().getEpochSecond(), aggregate);
    }

    /** Whether this is a speed partial field. */
    public boolean isSpeed() {
        return slot != null;
    }
}
