package io.lambda.core.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambda.core.time.IngestSlots;

/**
 * The object keys of the master dataset (DESIGN.md section 5), the one place that knows them:
 * {@code <prefix>slot=<slot>/p=<partition>/<firstOffset>-<lastOffset>.avro}, e.g.
 * {@code events/v1/slot=2026-11-24T10:15Z/p=3/0000000000000120034-0000000000000120999.avro}.
 *
 * <p>The slot is {@link IngestSlots#format} of the slot start. Offsets are zero-padded to 19 digits (the width of
 * {@link Long#MAX_VALUE}), so keys of one slot and partition sort by offset. The slot length is part of the layout:
 * a bucket prefix is written with one length ({@code lambda.slot}); keys in the text form of another length are
 * not keys of this layout.
 */
public final class ArchivePaths {

    /** The prefix used unless configured otherwise. */
    public static final String DEFAULT_PREFIX = "events/v1/";

    private static final int OFFSET_DIGITS = 19;
    private static final Pattern FILE = Pattern.compile(
            "slot=([0-9T:Z-]+)/p=(0|[1-9][0-9]{0,8})/([0-9]{" + OFFSET_DIGITS + "})-([0-9]{" + OFFSET_DIGITS + "})\\.avro");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final String prefix;
    private final IngestSlots slots;

    /**
     * @param prefix key prefix ending in {@code /}, e.g. {@link #DEFAULT_PREFIX}
     * @param slots  the slot length the dataset is written with
     */
    public ArchivePaths(String prefix, IngestSlots slots) {
        Objects.requireNonNull(prefix, "prefix");
        this.slots = Objects.requireNonNull(slots, "slots");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("archive prefix must be empty or end with '/', got '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public IngestSlots slots() {
        return slots;
    }

    /** The object key of {@code file}; its slot must be a slot start of this length. */
    public String key(ArchiveFile file) {
        return partitionPrefix(file.slot(), file.partition()) + pad(file.firstOffset()) + "-" + pad(file.lastOffset()) + ".avro";
    }

    /**
     * The file a key names, or empty when the key is not a file of this layout (another prefix or shape).
     *
     * @throws OtherSlotLengthException when the key is a file of slots of another length: the master dataset was
     *     written with another {@code lambda.slot}, and reading on would silently drop history
     */
    public Optional<ArchiveFile> parse(String key) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = FILE.matcher(key.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant slot = slots.parse(m.group(1));
            if (!slots.isSlotStart(slot)) {
                throw new OtherSlotLengthException(key, slots);
            }
            ArchiveFile file = new ArchiveFile(slot, Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)));
            return key(file).equals(key) ? Optional.of(file) : Optional.empty();
        } catch (OtherSlotLengthException e) {
            throw e;
        } catch (IllegalArgumentException e) { // bad slot text, offsets out of order or beyond a long
            return Optional.empty();
        }
    }

    /** {@code <prefix>slot=<slot>/}: every file of one slot. */
    public String slotPrefix(Instant slot) {
        return prefix + "slot=" + slots.format(slot) + "/";
    }

    /** {@code <prefix>slot=<slot>/p=<partition>/}: every file of one slot and partition. */
    public String partitionPrefix(Instant slot, int partition) {
        return slotPrefix(slot) + "p=" + partition + "/";
    }

    /** The key prefix shared by exactly the files of {@code slot} and {@code partition} that start at {@code firstOffset}. */
    public String startingAt(Instant slot, int partition, long firstOffset) {
        return partitionPrefix(slot, partition) + pad(firstOffset) + "-";
    }

    /**
     * A key that sorts before every key of a slot at or after {@code t} and after every key of a slot before the
     * minute of {@code t}: {@code <prefix>slot=<yyyy-MM-ddTHH:mm>}. Used as a listing bound; only whole minutes, so
     * it holds for both text forms of {@link IngestSlots#format}.
     */
    String minuteBound(Instant t) {
        return prefix + "slot=" + MINUTE.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    private static String pad(long offset) {
        String digits = Long.toString(offset);
        return "0".repeat(OFFSET_DIGITS - digits.length()) + digits;
    }
}
