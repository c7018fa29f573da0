/**
 * The serving-store (Redis) key layout and value codecs shared by batch, speed and query, documented in
 * {@link io.lambda.core.serving.ServingKeys} and {@code lambda-core/KEYS.md}. Pure functions only: no
 * Redis client code lives here.
 */
@NullMarked
package io.lambda.core.serving;

import org.jspecify.annotations.NullMarked;
