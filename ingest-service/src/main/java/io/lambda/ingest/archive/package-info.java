/**
 * The archive role of ingest-service (DESIGN.md section 5): a Kafka consumer group that copies the event topic into
 * the master dataset, one Avro object-container file per partition and ingest slot, committing offsets only after
 * the file is stored, and publishing the archive watermark. Enabled by {@code lambda.archive.enabled=true}.
 */
@NullMarked
package io.lambda.ingest.archive;

import org.jspecify.annotations.NullMarked;
