package io.lambda.batch.archive;

/**
 * Part of the master dataset could not be read: a file that is not an Avro container, a block or record that does
 * not decode, or a record without its ingest time. The reader has already moved past it (to the next block or file)
 * when this is thrown, so a step may skip it and read on.
 */
public final class CorruptArchiveException extends RuntimeException {

    private final String key;
    private final String position;

    public CorruptArchiveException(String key, String position, String reason, Throwable cause) {
        super("corrupt archive data in " + key + " at " + position + ": " + reason, cause);
        this.key = key;
        this.position = position;
    }

    /** The object key of the file. */
    public String key() {
        return key;
    }

    /** Where in the file: {@code record 17 (block at byte 4096)} or {@code header}. */
    public String position() {
        return position;
    }
}
