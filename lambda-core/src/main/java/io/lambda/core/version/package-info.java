/**
 * View versions (invariant 4): which version of a view serves and which is pending, as pure functions of the registry, the batch pointers and where the speed layer started each version.
 */
@NullMarked
package io.lambda.core.version;

import org.jspecify.annotations.NullMarked;
