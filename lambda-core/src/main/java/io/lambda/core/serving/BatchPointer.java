package io.lambda.core.serving;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import io.lambda.core.time.IngestSlots;

/**
 * The published batch view of one view version: which run's rows to read and the boundary {@code T} they
 * cover (events with ingest time before {@code T}). Publishing a run is one {@code SET} of this value.
 *
 * <p>Text form: {@code 1|<runId>|<boundary>|<publishedAt>} with RFC 3339 UTC instants, e.g.
 * {@code 1|20261124T100000Z-7f3a|2026-11-24T10:00:00Z|2026-11-24T10:12:31.200Z}. The leading {@code 1} is
 * the format version.
 *
 * @param runId       the run whose rows are served ({@link ServingKey#RUN_ID})
 * @param boundary    exclusive upper bound of ingest time covered by the run (a slot start, UTC)
 * @param publishedAt when the pointer was switched
 */
public record BatchPointer(String runId, Instant boundary, Instant publishedAt) {

    private static final String FORMAT = "1";

    public BatchPointer {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (!ServingKey.RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must match " + ServingKey.RUN_ID);
        }
    }

    /**
     * A pointer whose boundary is checked to be a slot start of {@code slots} (invariant 5).
     *
     * @throws IllegalArgumentException {@code boundary ... is not a slot start of PT5M slots}
     */
    public static BatchPointer forSlots(IngestSlots slots, String runId, Instant boundary, Instant publishedAt) {
        if (!slots.isSlotStart(boundary)) {
            throw new IllegalArgumentException("boundary " + boundary + " is not a slot start of " + slots.length()
                    + " slots");
        }
        return new BatchPointer(runId, boundary, publishedAt);
    }

    /** The value stored under the pointer key. */
    public String encode() {
        return FORMAT + "|" + runId + "|" + boundary + "|" + publishedAt;
    }

    /** The value as Redis stores it (UTF-8). */
    public byte[] toBytes() {
        return encode().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException when the text is not a pointer value
     */
    public static BatchPointer decode(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals(FORMAT)) {
            throw new IllegalArgumentException("not a batch pointer (expected 1|<runId>|<boundary>|<publishedAt>): '"
                    + text + "'");
        }
        try {
            return new BatchPointer(parts[1], Instant.parse(parts[2]), Instant.parse(parts[3]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a batch pointer, bad instant: '" + text + "'", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a pointer value
     */
    public static BatchPointer fromBytes(byte[] value) {
        return decode(FieldText.utf8(value));
    }
}
