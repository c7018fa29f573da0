package io.lambda.ingest.dedup;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/** Dedup connects to Redis in the background; tests about duplicates wait until a check has been answered. */
public final class DedupConnected {

    private DedupConnected() {
    }

    /** Waits (at most 30 s) until {@code recentIds} answers a check from Redis. */
    public static void await(RecentIds recentIds) {
        Awaitility.await("dedup connected to Redis").atMost(Duration.ofSeconds(30))
                .until(() -> recentIds.seen(List.of("connection-check")).isEmpty() && recentIds.available());
    }
}
