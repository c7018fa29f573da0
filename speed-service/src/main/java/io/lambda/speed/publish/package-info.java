/**
 * Writes partials to Redis: one guarded Lua script per view version and partition (KEYS.md "Speed flush"), and the cleanup after a batch boundary.
 */
@NullMarked
package io.lambda.speed.publish;

import org.jspecify.annotations.NullMarked;
