package io.lambda.core.event;

/** The body is longer than {@link BodyLimits#maxBytes()}; thrown on reading the first byte too many. HTTP 413. */
public final class BodyTooLargeException extends EventBodyException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super(EventMessages.bodyTooLarge(maxBytes));
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
