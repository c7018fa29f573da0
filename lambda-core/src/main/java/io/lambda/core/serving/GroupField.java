package io.lambda.core.serving;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The hash field of one group in a batch row hash: {@code <bucketEpochSeconds>|<value1>|<value2>...},
 * dimension values escaped ({@code \} → {@code \\}, {@code |} → {@code \|}). Zero values encode as the bare
 * bucket; one empty value as {@code <bucket>|}. Example: bucket 2026-11-24T10:15Z, url {@code /a|b} →
 * {@code 1795515300|/a\|b}.
 *
 * <p>Fields go to Redis as UTF-8 ({@link #toBytes()}). Strings holding unpaired UTF-16 surrogates can't
 * be encoded as UTF-8 and are rejected, so a stored field always decodes to the values written.
 *
 * @param bucket the event-time bucket start, a whole second (UTC)
 * @param values the dimension values kept by the row's {@link Rollup}, in view dimension order
 */
public record GroupField(Instant bucket, List<String> values) {

    public GroupField {
        Objects.requireNonNull(bucket, "bucket");
        values = List.copyOf(values);
        if (bucket.getNano() != 0) {
            throw new IllegalArgumentException("bucket must be a whole second, got " + bucket);
        }
    }

    /** A field with the given dimension values. */
    public static GroupField of(Instant bucket, String... values) {
        return new GroupField(bucket, List.of(values));
    }

    /** The field text. */
    public String encode() {
        StringBuilder field = new StringBuilder(16 + values.size() * 16);
        appendTo(field);
        return field.toString();
    }

    /** The field as Redis stores it (UTF-8). */
    public byte[] toBytes() {
        return FieldText.utf8Bytes(encode());
    }

    void appendTo(StringBuilder field) {
        FieldText.appendSeconds(field, bucket, "bucket");
        for (String value : values) {
            field.append(FieldText.SEPARATOR);
            FieldText.appendValue(field, value);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a group field
     */
    public static GroupField decode(String field) {
        List<String> parts = FieldText.split(field);
        return new GroupField(FieldText.seconds(parts.get(0), field), parts.subList(1, parts.size()));
    }

    /**
     * @throws IllegalArgumentException when the bytes are not UTF-8 or not a group field
     */
    public static GroupField fromBytes(byte[] field) {
        return decode(FieldText.utf8(field));
    }
}
