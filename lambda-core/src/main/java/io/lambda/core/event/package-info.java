/**
 * Events: the {@link io.lambda.core.event.Event} record, reading JSON request bodies (one object, an array or
 * NDJSON) with streaming limits, and the validation rules of DESIGN.md section 4.
 *
 * <p>Entry points: {@link io.lambda.core.event.EventReader} reads a body into a
 * {@link io.lambda.core.event.ReadResult} of per-event {@link io.lambda.core.event.Admission}s;
 * {@link io.lambda.core.event.EventValidator} is the pure per-event rule check it uses;
 * {@link io.lambda.core.event.EventMessages} holds every message text.
 */
@NullMarked
package io.lambda.core.event;

import org.jspecify.annotations.NullMarked;
