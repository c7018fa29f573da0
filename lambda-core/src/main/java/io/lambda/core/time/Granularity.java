package io.lambda.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An event-time bucket size. Buckets are aligned to the UTC epoch: a minute bucket starts at second 0,
 * an hour bucket at minute 0, a day bucket at 00:00Z. UTC has no daylight saving time, so every day
 * bucket is exactly 24 hours.
 *
 * <p>Constants are declared finest first, so {@link #compareTo} orders finest first. In YAML and JSON a
 * granularity is written lower-case ({@link #id()}): {@code minute}, {@code hour}, {@code day}.
 */
public enum Granularity {

    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private static final String ALL_IDS = Arrays.stream(values()).map(Granularity::id)
            .collect(Collectors.joining(", "));

    private final Duration duration;
    private final long seconds;

    Granularity(Duration duration) {
        this.duration = duration;
        this.seconds = duration.getSeconds();
    }

    /** The bucket length. */
    public Duration duration() {
        return duration;
    }

    /** The lower-case name used in YAML, JSON, Redis keys and URLs. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start of the bucket containing {@code t} (inclusive, UTC); sub-second parts are dropped. */
    public Instant bucketStart(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    /** Whether {@code t} is exactly the start of a bucket. */
    public boolean isAligned(Instant t) {
        return t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), seconds) == 0;
    }

    /**
     * The starts of every bucket that overlaps {@code [from, to)}, ascending: the first is
     * {@code bucketStart(from)}; empty when {@code from} is not before {@code to}.
     */
    public List<Instant> bucketStarts(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<Instant> starts = new ArrayList<>();
        for (Instant b = bucketStart(from); b.isBefore(to); b = b.plus(duration)) {
            starts.add(b);
        }
        return List.copyOf(starts);
    }

    /** Whether this granularity's buckets are shorter than {@code other}'s. */
    public boolean isFinerThan(Granularity other) {
        return compareTo(other) < 0;
    }

    /**
     * Parses a lower-case id.
     *
     * @throws IllegalArgumentException {@code granularity 'week' is not one of minute, hour, day}
     */
    @JsonCreator
    public static Granularity parse(String id) {
        for (Granularity g : values()) {
            if (g.id().equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("granularity '" + id + "' is not one of " + ALL_IDS);
    }

    /** The finest of a non-empty collection. */
    public static Granularity finestOf(Collection<Granularity> granularities) {
        return granularities.stream().min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("no granularities given"));
    }

    /** The coarsest of a non-empty collection. */
    public static Granularity coarsestOf(Collection<Granularity> granularities) {
        return granularities.stream().max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("no granularities given"));
    }
}
