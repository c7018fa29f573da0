package io.lambda.gateway.limit;

import java.time.Duration;

/** A rate limiter's answer to one request. */
sealed interface Admission permits Admission.Allowed, Admission.Denied {

    Admission ALLOWED = new Allowed();

    record Allowed() implements Admission {
    }

    /** @param retryAfter when the bucket will hold a token again */
    record Denied(Duration retryAfter) implements Admission {
    }

    static Admission deniedForMillis(long millis) {
        return new Denied(Duration.ofMillis(Math.max(1, millis)));
    }
}
