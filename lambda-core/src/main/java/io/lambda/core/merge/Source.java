package io.lambda.core.merge;

/** Which layers contributed to a bucket or group (API.md {@code source}). */
public enum Source {
    NONE("none"), BATCH("batch"), SPEED("speed"), BATCH_AND_SPEED("batch+speed");

    private final String id;

    Source(String id) {
        this.id = id;
    }

    /** The API spelling: {@code none}, {@code batch}, {@code speed}, {@code batch+speed}. */
    public String id() {
        return id;
    }

    /** The source of a bucket that batch and/or speed contributed to. */
    public static Source of(boolean batch, boolean speed) {
        return batch ? (speed ? BATCH_AND_SPEED : BATCH) : (speed ? SPEED : NONE);
    }

    /** This source plus another's contributions. */
    public Source and(Source other) {
        return of(hasBatch() || other.hasBatch(), hasSpeed() || other.hasSpeed());
    }

    public boolean hasBatch() {
        return this == BATCH || this == BATCH_AND_SPEED;
    }

    public boolean hasSpeed() {
        return this == SPEED || this == BATCH_AND_SPEED;
    }
}
