package io.lambda.core.event;

/** The body holds more events than {@link BodyLimits#maxEvents()}; thrown on reaching the first one too many. HTTP 413. */
public final class TooManyEventsException extends EventBodyException {

    private final int maxEvents;

    public TooManyEventsException(int maxEvents) {
        super(EventMessages.tooManyEvents(maxEvents));
        this.maxEvents = maxEvents;
    }

    public int maxEvents() {
        return maxEvents;
    }
}
