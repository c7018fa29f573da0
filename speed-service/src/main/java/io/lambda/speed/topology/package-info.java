/**
 * The speed topology: decode, validate, dedup by id, effective ingest time, the lambda-core fold, flush and cleanup punctuations.
 */
@NullMarked
package io.lambda.speed.topology;

import org.jspecify.annotations.NullMarked;
