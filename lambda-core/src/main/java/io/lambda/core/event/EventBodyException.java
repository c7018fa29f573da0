package io.lambda.core.event;

/**
 * A request body that is refused as a whole: nothing of it is read as events. Unchecked, so it passes through
 * Jackson's parser from the input stream unchanged.
 */
public abstract sealed class EventBodyException extends RuntimeException
        permits MalformedBodyException, TooManyEventsException, BodyTooLargeException {

    EventBodyException(String message) {
        super(message);
    }
}
