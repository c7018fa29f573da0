/**
 * Recently accepted event ids, kept in Redis where every ingest instance sees them, so a repeated id is reported
 * as a duplicate instead of being written again. An optimisation only: when Redis is slow or down, ids count as
 * unseen and everything is written; the layers downstream keep one event per id regardless.
 */
@NullMarked
package io.lambda.ingest.dedup;

import org.jspecify.annotations.NullMarked;
