package io.lambda.query.store;

/** Redis did not answer (not reachable, or not within the query's time): the query is refused, never answered in part. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
