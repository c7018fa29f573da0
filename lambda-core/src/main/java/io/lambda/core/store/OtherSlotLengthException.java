package io.lambda.core.store;

import io.lambda.core.time.IngestSlots;

/**
 * A master-dataset file of slots of another length than {@code lambda.slot}: the dataset was written by a platform
 * with another slot length. Never skipped, since a recompute would silently lose that history.
 */
public final class OtherSlotLengthException extends IllegalArgumentException {

    OtherSlotLengthException(String key, IngestSlots slots) {
        super("archive file " + key + " is not on a slot start of " + slots.length() + " slots: the master dataset was"
                + " written with another lambda.slot; start every service with the slot length the data was written"
                + " with");
    }
}
