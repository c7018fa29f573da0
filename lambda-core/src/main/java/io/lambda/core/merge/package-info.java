/**
 * The merge: batch rows of the published run plus speed partials of slots at or after the boundary become the points or groups of an answer (DESIGN.md section 7, invariant 1).
 */
@NullMarked
package io.lambda.core.merge;

import org.jspecify.annotations.NullMarked;
