/**
 * The task's partials in a changelogged state store, with an in-memory cache restored at task start.
 */
@NullMarked
package io.lambda.speed.store;

import org.jspecify.annotations.NullMarked;
