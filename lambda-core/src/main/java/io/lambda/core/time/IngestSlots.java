package io.lambda.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Cuts ingest time into fixed slots (DESIGN.md section 7). Slots are aligned to the UTC epoch and their
 * length divides an hour evenly, so every slot lies inside one UTC hour and a slot start is also the
 * start of a slot for any coarser length that still divides the hour by a multiple of it.
 *
 * <p>Production uses whole minutes (default 5 min). Lengths of whole seconds that divide an hour
 * (e.g. 10 s) are accepted too, so end-to-end tests can make a batch boundary cover recent events
 * without waiting minutes.
 *
 * <p>Text form (object-store paths, logs): {@code 2026-11-24T10:15Z} when the length is whole minutes,
 * {@code 2026-11-24T10:15:10Z} otherwise. For one length every slot has the same width of text, so text
 * order is time order.
 */
public final class IngestSlots {

    /** The default slot length: 5 minutes. */
    public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(5);

    private static final long HOUR_SECONDS = 3600;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Duration length;
    private final long seconds;

    /**
     * @throws IllegalArgumentException when the length is not a whole number of seconds dividing an hour
     */
    public IngestSlots(Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.getNano() != 0
                || HOUR_SECONDS % length.getSeconds() != 0) {
            throw new IllegalArgumentException("slot length must divide an hour evenly "
                    + "(e.g. 1m, 5m, 15m, 60m; whole seconds such as 10s for tests), got " + length);
        }
        this.length = length;
        this.seconds = length.getSeconds();
    }

    /** Slots of the default length (5 minutes). */
    public static IngestSlots ofDefault() {
        return new IngestSlots(DEFAULT_LENGTH);
    }

    /** The slot length. */
    public Duration length() {
        return length;
    }

    /** The start of the slot containing {@code ingestTime} (inclusive, UTC). */
    public Instant slotStart(Instant ingestTime) {
        return Instant.ofEpochSecond(Math.floorDiv(ingestTime.getEpochSecond(), seconds) * seconds);
    }

    /** Whether {@code t} is exactly a slot start. */
    public boolean isSlotStart(Instant t) {
        return t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), seconds) == 0;
    }

    /** The start of the slot after the one starting at {@code slotStart}. */
    public Instant nextSlot(Instant slotStart) {
        return requireSlotStart(slotStart).plus(length);
    }

    /**
     * The starts of every slot that overlaps {@code [from, to)}, ascending: the first is
     * {@code slotStart(from)}; empty when {@code from} is not before {@code to}.
     */
    public List<Instant> slotsBetween(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<Instant> starts = new ArrayList<>();
        for (Instant s = slotStart(from); s.isBefore(to); s = s.plus(length)) {
            starts.add(s);
        }
        return List.copyOf(starts);
    }

    /**
     * The text form of a slot start, e.g. {@code 2026-11-24T10:15Z}.
     *
     * @throws IllegalArgumentException when {@code slotStart} is not a slot start of this length
     */
    public String format(Instant slotStart) {
        LocalDateTime utc = LocalDateTime.ofInstant(requireSlotStart(slotStart), ZoneOffset.UTC);
        return (seconds % 60 == 0 ? MINUTES : SECONDS).format(utc);
    }

    /**
     * Parses {@code 2026-11-24T10:15Z} or {@code 2026-11-24T10:15:10Z}. Does not require the result to be
     * a slot start of this length (see {@link #isSlotStart}), so paths written under another length stay
     * readable.
     */
    public Instant parse(String text) {
        try {
            DateTimeFormatter format = text.length() == "2026-11-24T10:15Z".length() ? MINUTES : SECONDS;
            return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid slot '" + text
                    + "': expected UTC minutes like 2026-11-24T10:15Z or seconds like 2026-11-24T10:15:10Z");
        }
    }

    private Instant requireSlotStart(Instant t) {
        if (!isSlotStart(t)) {
            throw new IllegalArgumentException(t + " is not the start of a " + length + " slot");
        }
        return t;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IngestSlots other && other.length.equals(length);
    }

    @Override
    public int hashCode() {
        return length.hashCode();
    }

    @Override
    public String toString() {
        return "IngestSlots[" + length + "]";
    }
}
