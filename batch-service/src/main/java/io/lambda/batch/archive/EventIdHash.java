package io.lambda.batch.archive;

import java.nio.charset.StandardCharsets;

import org.apache.datasketches.hash.MurmurHash3;

/** The 128-bit hash of an event id the dedup set keeps: MurmurHash3 x64 128 of the id's UTF-8 bytes. */
public final class EventIdHash {

    private static final long SEED = 0x1a3b_5c7d_9e0f_2468L;

    private EventIdHash() {
    }

    /** Two longs: the hash's high and low halves. */
    public static long[] of(String id) {
        return MurmurHash3.hash(id.getBytes(StandardCharsets.UTF_8), SEED);
    }
}
