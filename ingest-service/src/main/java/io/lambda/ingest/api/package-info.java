/**
 * {@code POST /api/v1/events}: the controller, what it answers ({@link io.lambda.ingest.api.IngestResponse} or an
 * RFC 9457 problem of a {@link io.lambda.ingest.api.ProblemType}), the ingest flow of one request
 * ({@link io.lambda.ingest.api.EventIngestor}) and its metrics.
 */
@NullMarked
package io.lambda.ingest.api;

import org.jspecify.annotations.NullMarked;
