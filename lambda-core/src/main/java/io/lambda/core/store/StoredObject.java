package io.lambda.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One object found by a listing.
 *
 * @param key          full object key
 * @param size         size in bytes
 * @param lastModified when the store last wrote the object
 */
public record StoredObject(String key, long size, Instant lastModified) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
