package io.lambda.ingest.api;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ingest's request and event meters.
 *
 * <ul>
 * <li>{@code lambda.ingest.events} (counter), tag {@code outcome} = {@code accepted}, {@code duplicate} or
 * {@code rejected};
 * <li>{@code lambda.ingest.rejections} (counter), tag {@code reason} (see {@link RejectionReason}): the rejected
 * events again, by reason;
 * <li>{@code lambda.ingest.request.bytes} (summary, bytes): body bytes read per request, also of refused bodies;
 * <li>{@code lambda.ingest.request.events} (summary): events per readable request.
 * </ul>
 * Produce latency is {@code lambda.ingest.produce.latency} (kafka package), Redis failures
 * {@code lambda.ingest.dedup.failures} (dedup package).
 */
final class IngestMetrics {

    private static final String EVENTS = "lambda.ingest.events";

    private final Counter accepted;
    private final Counter duplicates;
    private final Counter unchecked;
    private final Counter rejectedTotal;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final DistributionSummary requestBytes;
    private final DistributionSummary requestEvents;

    IngestMetrics(MeterRegistry registry) {
        accepted = events("accepted").register(registry);
        duplicates = events("duplicate").register(registry);
        unchecked = events("unchecked").register(registry);
        rejectedTotal = events("rejected").register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder("lambda.ingest.rejections")
                    .description("Rejected events by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
        requestBytes = DistributionSummary.builder("lambda.ingest.request.bytes")
                .description("Body bytes read per ingest request")
                .baseUnit("bytes")
                .publishPercentileHistogram()
                .register(registry);
        requestEvents = DistributionSummary.builder("lambda.ingest.request.events")
                .description("Events per ingest request")
                .publishPercentileHistogram()
                .register(registry);
    }

    void accepted(int count) {
        accepted.increment(count);
    }

    void duplicates(int count) {
        duplicates.increment(count);
    }

    /** Accepted events whose ids the dedup store could not check in time. */
    void unchecked(int count) {
        unchecked.increment(count);
    }

    void rejected(String message) {
        rejectedTotal.increment();
        rejected.get(RejectionReason.of(message)).increment();
    }

    void requestBytes(long bytes) {
        requestBytes.record(bytes);
    }

    void requestEvents(int events) {
        requestEvents.record(events);
    }

    private static Counter.Builder events(String outcome) {
        return Counter.builder(EVENTS).description("Events by what ingest did with them").tag("outcome", outcome);
    }
}
