/**
 * Writing events to the event topic: the idempotent producer ({@link io.lambda.ingest.kafka.EventPublisher}), the
 * topic check and creation at startup ({@link io.lambda.ingest.kafka.EventTopicInitializer}) and the Kafka health
 * indicator.
 */
@NullMarked
package io.lambda.ingest.kafka;

import org.jspecify.annotations.NullMarked;
