package io.lambda.speed.topology;

/** Why a record was not folded; the first three go to the dead-letter topic. */
public enum SkipReason {
    NO_VALUE("no-value"),
    UNDECODABLE("undecodable"),
    INVALID("invalid"),
    DUPLICATE("duplicate");

    private final String tag;

    SkipReason(String tag) {
        this.tag = tag;
    }

    /** The metric tag and dead-letter header value. */
    public String tag() {
        return tag;
    }
}
