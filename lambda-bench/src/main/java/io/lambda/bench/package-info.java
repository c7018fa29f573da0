/** Benchmarks: figures beside same-run baselines, printed, never asserted. */
@NullMarked
package io.lambda.bench;

import org.jspecify.annotations.NullMarked;
