package io.lambda.ingest.api;

import java.io.IOException;
import java.time.Instant;

import io.lambda.core.event.BodyLimits;
import io.lambda.core.event.EventMessages;
import io.lambda.core.event.EventReader;
import io.lambda.core.event.ReadResult;
import io.lambda.core.event.SizeLimitedInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events} (API.md). The body is streamed from the servlet input stream into lambda-core's
 * reader, never buffered whole: a declared {@code Content-Length} over the limit is refused before reading, a
 * chunked body as soon as it passes the limit.
 */
@RestController
public class EventController {

    private final EventReader reader;
    private final EventIngestor ingestor;
    private final IngestMetrics metrics;

    EventController(EventReader reader, EventIngestor ingestor, IngestMetrics metrics) {
        this.reader = reader;
        this.ingestor = ingestor;
        this.metrics = metrics;
    }

    @PostMapping("/api/v1/events")
    ResponseEntity<IngestResponse> ingest(HttpServletRequest request) throws IOException {
        BodyFormat format = BodyFormat.of(request.getContentType());
        BodyLimits limits = reader.limits();
        long declared = request.getContentLengthLong();
        if (declared > limits.maxBytes()) {
            metrics.requestBytes(0);
            throw new IngestProblem(ProblemType.BODY_TOO_LARGE, EventMessages.bodyTooLarge(limits.maxBytes())
                    + " (Content-Length: " + declared + ")").with("maxBytes", limits.maxBytes());
        }
        SizeLimitedInputStream body = new SizeLimitedInputStream(request.getInputStream(), limits.maxBytes());
        ReadResult read;
        try {
            read = format.read(reader, body, Instant.now());
        } finally {
            metrics.requestBytes(body.count());
        }
        metrics.requestEvents(read.size());
        return ResponseEntity.accepted().body(ingestor.ingest(read));
    }
}
