package io.lambda.ingest.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lambda.core.event.Admission;
import io.lambda.core.event.Event;
import io.lambda.core.event.ReadResult;
import io.lambda.ingest.IngestProperties;
import io.lambda.ingest.dedup.AcceptedIds;
import io.lambda.ingest.kafka.EncodedEvent;
import io.lambda.ingest.kafka.EventPublisher;
import io.lambda.ingest.kafka.LogUnavailableException;

/**
 * What happens to the events of one request once read: invalid ones are reported; of valid ones with the same id
 * only the first counts (the rest are duplicates), as do ids accepted recently by any instance; the remaining events
 * are written and, once the broker acknowledged all of them, remembered as accepted. The events are encoded while
 * the dedup lookup is under way.
 */
final class EventIngestor {

    private final AcceptedIds acceptedIds;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final String retryAfter;

    EventIngestor(AcceptedIds acceptedIds, EventPublisher publisher, IngestMetrics metrics,
            IngestProperties properties) {
        this.acceptedIds = acceptedIds;
        this.publisher = publisher;
        this.metrics = metrics;
        this.retryAfter = Long.toString(properties.retryAfterSeconds());
    }

    /**
     * @throws IngestProblem {@link ProblemType#NO_VALID_EVENTS} when no event is valid,
     *     {@link ProblemType#LOG_UNAVAILABLE} (with {@code Retry-After}) when the log did not take the events in time
     */
    IngestResponse ingest(ReadResult read) {
        List<IngestResponse.EventError> errors = new ArrayList<>();
        Map<String, Event> firstById = new LinkedHashMap<>(read.size() * 4 / 3 + 1);
        int duplicates = 0;
        for (Admission admission : read.admissions()) {
            if (admission instanceof Admission.Rejected rejected) {
                errors.add(new IngestResponse.EventError(rejected.index(), rejected.id(), rejected.message()));
                metrics.rejected(rejected.message());
            } else if (admission instanceof Admission.Accepted accepted
                    && firstById.putIfAbsent(accepted.event().id(), accepted.event()) != null) {
                duplicates++;
            }
        }
        if (firstById.isEmpty()) {
            throw new IngestProblem(ProblemType.NO_VALID_EVENTS, noValidEvents(read.size()))
                    .with("rejected", errors.size())
                    .with("errors", errors);
        }
        AcceptedIds.Lookup lookup = acceptedIds.lookUp(List.copyOf(firstById.keySet()));
        // encoded while Redis answers, and while the request's events are still in the CPU's caches
        List<EncodedEvent> encoded = EncodedEvent.of(firstById.values());
        Set<String> seen = lookup.seen();
        List<EncodedEvent> fresh = new ArrayList<>(encoded.size() - seen.size());
        List<String> freshIds = new ArrayList<>(encoded.size() - seen.size());
        for (EncodedEvent event : encoded) {
            if (!seen.contains(event.id())) {
                fresh.add(event);
                freshIds.add(event.id());
            }
        }
        duplicates += encoded.size() - fresh.size();
        try {
            publisher.publish(fresh);
        } catch (LogUnavailableException e) {
            throw new IngestProblem(ProblemType.LOG_UNAVAILABLE, "No event of this request was accepted: " + e.getMessage()
                    + ". Retrying the same request is safe.", e).header("Retry-After", retryAfter);
        }
        acceptedIds.remember(freshIds);
        int unchecked = lookup.checked() ? 0 : fresh.size();
        metrics.accepted(fresh.size());
        metrics.duplicates(duplicates);
        metrics.unchecked(unchecked);
        return new IngestResponse(fresh.size(), duplicates, errors.size(), unchecked, errors);
    }

    private static String noValidEvents(int events) {
        if (events == 0) {
            return "The array holds no events";
        }
        return events == 1 ? "The event is invalid; see errors" : "All " + events + " events are invalid; see errors";
    }
}
