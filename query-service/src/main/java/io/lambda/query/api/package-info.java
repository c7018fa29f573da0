/**
 * The HTTP API (API.md): views, series, groups and status, RFC 9457 problems and per-endpoint timers.
 */
@NullMarked
package io.lambda.query.api;

import org.jspecify.annotations.NullMarked;
