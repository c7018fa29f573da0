/**
 * Metric monoids: how one metric of a view adds up events, merges partial results, and travels to
 * Redis as bytes.
 *
 * <p>{@link io.lambda.core.metric.AggregateMonoid} is the entry point for the speed layer (fold
 * events), the batch layer (reduce a day) and the query service (merge batch and speed views). Each
 * metric kind has its own {@link io.lambda.core.metric.MetricMonoid}, created by
 * {@link io.lambda.core.metric.Metrics}.
 */
@NullMarked
package io.lambda.core.metric;

import org.jspecify.annotations.NullMarked;
