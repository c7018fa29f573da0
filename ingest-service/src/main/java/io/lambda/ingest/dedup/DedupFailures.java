package io.lambda.ingest.dedup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers dedup, and what happens when it doesn't: every failure is counted as
 * {@code lambda.ingest.dedup.failures} (tag {@code operation} = {@code check}, {@code remember} or {@code connect});
 * a warning is logged when failures start, at most once per {@link #WARN_INTERVAL} if Redis keeps flapping.
 */
final class DedupFailures {

    private static final Logger log = LoggerFactory.getLogger(RecentIds.class);
    private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

    private final Counter check;
    private final Counter remember;
    private final Counter connect;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL.toNanos());

    DedupFailures(MeterRegistry registry) {
        this.check = counter(registry, "check");
        this.remember = counter(registry, "remember");
        this.connect = counter(registry, "connect");
    }

    /** Whether the last Redis call succeeded (true before the first call). */
    boolean available() {
        return !failing.get();
    }

    void answered() {
        if (failing.compareAndSet(true, false)) {
            log.debug("Redis answers again: duplicate ids are detected again");
        }
    }

    void checkFailed(Throwable failure) {
        check.increment();
        failed("check", failure);
    }

    void rememberFailed(Throwable failure) {
        remember.increment();
        failed("remember", failure);
    }

    void connectFailed(Throwable failure) {
        connect.increment();
        failed("connect", failure);
    }

    private void failed(String operation, Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (failing.compareAndSet(false, true) && now - last >= WARN_INTERVAL.toNanos()
                && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis did not answer ({} failed: {}); ingest treats ids as unseen and writes every event "
                    + "until Redis answers again", operation, failure.toString());
        } else {
            log.debug("Redis not answering ({} failed: {})", operation, failure.toString());
        }
    }

    private static Counter counter(MeterRegistry registry, String operation) {
        return Counter.builder("lambda.ingest.dedup.failures")
                .description("Redis calls of ingest dedup that failed or timed out; the ids counted as unseen")
                .tag("operation", operation)
                .register(registry);
    }
}
