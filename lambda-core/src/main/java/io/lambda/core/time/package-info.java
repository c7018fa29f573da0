/**
 * Time in the platform, always UTC: event-time {@link io.lambda.core.time.Granularity granularity buckets}
 * and ingest-time {@link io.lambda.core.time.IngestSlots slots} (DESIGN.md section 7).
 */
@NullMarked
package io.lambda.core.time;

import org.jspecify.annotations.NullMarked;
