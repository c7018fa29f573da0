/**
 * The fold: an event with its effective ingest time becomes the cells it updates in every matching view version. Speed and batch both call {@link io.lambda.core.fold.ViewFold}; neither derives buckets, rollups or groups itself.
 */
@NullMarked
package io.lambda.core.fold;

import org.jspecify.annotations.NullMarked;
