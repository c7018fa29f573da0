package io.lambda.ingest.dedup;

import java.time.Duration;
import java.time.Instant;

/**
 * The time buckets recently accepted ids are kept in: {@value #PER_WINDOW} per dedup window. An id accepted during
 * a bucket stays in it until a window after the bucket ends, and a check reads the buckets that can hold ids of the
 * last window, so an id is reported as a duplicate for at least one window and at most one window plus a bucket.
 *
 * <p>The number of buckets trades Redis memory against Redis CPU: Redis holds up to a window plus a bucket of ids,
 * and a check looks every id up in {@code PER_WINDOW + 1} large sets, each lookup a cache miss or more. With 2 per
 * window (3 lookups, 1½ windows held) the {@code dedup} benchmark measured a median of 3.2 ms of Redis CPU per 1,000
 * events in steady state (2.5-4.4 ms over eight runs); with 4 (5 lookups, 1¼ windows) 4.1 ms (4.0-4.6, seven runs).
 */
final class IdBuckets {

    static final int PER_WINDOW = 2;

    private final long windowMillis;
    private final long bucketMillis;

    IdBuckets(Duration window) {
        this.windowMillis = window.toMillis();
        this.bucketMillis = Math.max(1, windowMillis / PER_WINDOW);
    }

    /** The start of the bucket {@code now} lies in: where ids accepted now go. */
    Instant current(Instant now) {
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, bucketMillis));
    }

    /** The starts of the buckets that may hold ids accepted within the window before {@code now}, newest first. */
    Instant[] lookup(Instant now) {
        long current = current(now).toEpochMilli();
        int count = (int) ((windowMillis + bucketMillis - 1) / bucketMillis) + 1;
        Instant[] starts = new Instant[count];
        for (int i = 0; i < count; i++) {
            starts[i] = Instant.ofEpochMilli(current - i * bucketMillis);
        }
        return starts;
    }

    /** When the bucket starting at {@code start} may go: a window after it ends. */
    Instant expiry(Instant start) {
        return start.plusMillis(bucketMillis + windowMillis);
    }
}
