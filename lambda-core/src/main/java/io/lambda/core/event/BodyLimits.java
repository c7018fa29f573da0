package io.lambda.core.event;

/**
 * Limits of one request body, enforced while it is streamed.
 *
 * @param maxEvents the most events (array elements or non-blank NDJSON lines) a body may hold (default 10,000)
 * @param maxBytes the most bytes a body may hold (default 10 MiB)
 */
public record BodyLimits(int maxEvents, long maxBytes) {

    /** The limits of API.md: 10,000 events and 10 MiB per request. */
    public static final BodyLimits DEFAULTS = new BodyLimits(10_000, 10L * 1024 * 1024);

    public BodyLimits {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive: " + maxEvents);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }
}
