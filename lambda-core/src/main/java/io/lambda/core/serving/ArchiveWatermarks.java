package io.lambda.core.serving;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values of the archive-watermark hash ({@link ServingKeys#archiveWatermark()}, DESIGN.md section 5).
 *
 * <p>A partition's watermark {@code W} means: every record of that partition with {@code ingestTime < W} is
 * durably in the master dataset (or, if unreadable, in the dead-letter topic). It only grows. The topic's
 * watermark is the minimum over <em>all</em> its partitions; a partition that has never published one makes the
 * topic's watermark unknown, so a batch run never reads past data that might not be archived.
 *
 * <p>Field: the partition number in decimal ({@code 3}). Value: epoch milliseconds in decimal
 * ({@code 1795515331200}).
 */
public final class ArchiveWatermarks {

    private ArchiveWatermarks() {
    }

    /** The hash field of a partition. */
    public static String field(int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
        return Integer.toString(partition);
    }

    /** The hash value of a watermark. */
    public static String value(Instant watermark) {
        return Long.toString(watermark.toEpochMilli());
    }

    /**
     * Decodes the hash as read from Redis ({@code HGETALL}).
     *
     * @throws IllegalArgumentException on a field or value outside the format
     */
    public static Map<Integer, Instant> decode(Map<String, String> hash) {
        Map<Integer, Instant> watermarks = new HashMap<>();
        hash.forEach((field, value) -> {
            if (!field.matches("0|[1-9][0-9]{0,8}") || !value.matches("-?[0-9]{1,19}")) {
                throw new IllegalArgumentException("not an archive watermark entry: '" + field + "' -> '" + value + "'");
            }
            watermarks.put(Integer.parseInt(field), Instant.ofEpochMilli(Long.parseLong(value)));
        });
        return Map.copyOf(watermarks);
    }

    /**
     * The topic's watermark: the minimum over partitions {@code 0..partitions-1}, or empty when any of them has
     * none. Entries of partitions beyond the count are ignored.
     */
    public static Optional<Instant> overall(Map<Integer, Instant> perPartition, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        Instant min = Instant.MAX;
        for (int p = 0; p < partitions; p++) {
            Instant w = perPartition.get(p);
            if (w == null) {
                return Optional.empty();
            }
            min = w.isBefore(min) ? w : min;
        }
        return Optional.of(min);
    }

    /** {@link #overall(Map, int)} of the raw hash. */
    public static Optional<Instant> overallOfHash(Map<String, String> hash, int partitions) {
        return overall(decode(hash), partitions);
    }
}
