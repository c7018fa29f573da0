/** Shared model of the platform: events, views, metric monoids, time, serving-store layout, object store. */
@NullMarked
package io.lambda.core;

import org.jspecify.annotations.NullMarked;
