/**
 * Redis adapters shared by the layers: the guarded batch-pointer publish, the recorded slot length and the version registry. Lettuce only, no Spring.
 */
@NullMarked
package io.lambda.core.redis;

import org.jspecify.annotations.NullMarked;
