/** Kafka-facing settings shared by every layer that reads or writes the event topic. */
@NullMarked
package io.lambda.core.kafka;

import org.jspecify.annotations.NullMarked;
