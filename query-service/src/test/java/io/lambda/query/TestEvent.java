package io.lambda.query;

import java.time.Instant;

import io.lambda.core.event.Event;

/** An event as a layer sees it: the partition it was written to and its effective ingest time. */
record TestEvent(Event event, int partition, Instant ingestTime) {
}
