/**
 * The reads: Redis (pipelined, Lettuce async), the event topic's offsets (Kafka admin) and the batch service's last run.
 */
@NullMarked
package io.lambda.query.store;

import org.jspecify.annotations.NullMarked;
