package io.lambda.core.serving;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.lambda.core.time.Granularity;

/**
 * How buckets and slots are grouped into hashes, so each hash holds a bounded number of buckets and a
 * range reads few keys. All UTC.
 *
 * <ul>
 * <li>Batch rows, by event-time bucket: minute buckets per hour (60 per chunk), hour buckets per day (24),
 * day buckets per calendar month (28 to 31).</li>
 * <li>Speed partials, by ingest slot: one chunk per hour ({@link #SLOT_CHUNK}); a slot length divides an
 * hour, so every slot lies in exactly one chunk.</li>
 * </ul>
 */
public final class Chunks {

    /** The ingest-time length of one speed partial hash. */
    public static final Duration SLOT_CHUNK = Duration.ofHours(1);

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private Chunks() {
    }

    /** The start of the batch chunk holding the bucket that contains {@code t}. */
    public static Instant chunkStart(Granularity granularity, Instant t) {
        return switch (granularity) {
            case MINUTE -> floor(t, HOUR);
            case HOUR -> floor(t, DAY);
            case DAY -> LocalDate.ofInstant(t, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        };
    }

    /** The end (exclusive) of the batch chunk starting at {@code chunkStart}: the next chunk's start. */
    public static Instant chunkEnd(Granularity granularity, Instant chunkStart) {
        requireChunkStart(granularity, chunkStart);
        return switch (granularity) {
            case MINUTE -> chunkStart.plusSeconds(HOUR);
            case HOUR -> chunkStart.plusSeconds(DAY);
            case DAY -> LocalDate.ofInstant(chunkStart, ZoneOffset.UTC).plusMonths(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        };
    }

    /** Whether {@code t} is exactly a batch chunk start. */
    public static boolean isChunkStart(Granularity granularity, Instant t) {
        return chunkStart(granularity, t).equals(t);
    }

    /**
     * The starts of every batch chunk holding a bucket that overlaps {@code [from, to)}, ascending; empty
     * when {@code from} is not before {@code to}. A 24 h minute range gives 24 chunks when it starts on
     * the hour, 25 otherwise.
     */
    public static List<Instant> chunksCovering(Granularity granularity, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<Instant> chunks = new ArrayList<>();
        for (Instant c = chunkStart(granularity, from); c.isBefore(to); c = chunkEnd(granularity, c)) {
            chunks.add(c);
        }
        return List.copyOf(chunks);
    }

    /** The start of the speed chunk holding the slot that contains {@code t}: the UTC hour. */
    public static Instant slotChunkStart(Instant t) {
        return floor(t, HOUR);
    }

    /**
     * The starts of every speed chunk overlapping {@code [from, to)}, ascending; empty when {@code from}
     * is not before {@code to}.
     */
    public static List<Instant> slotChunksCovering(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<Instant> chunks = new ArrayList<>();
        for (Instant c = slotChunkStart(from); c.isBefore(to); c = c.plusSeconds(HOUR)) {
            chunks.add(c);
        }
        return List.copyOf(chunks);
    }

    private static Instant floor(Instant t, long seconds) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    private static void requireChunkStart(Granularity granularity, Instant t) {
        if (!isChunkStart(granularity, t)) {
            throw new IllegalArgumentException(t + " is not the start of a " + granularity.id() + " chunk");
        }
    }
}
