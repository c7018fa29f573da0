/**
 * One query end to end: which version serves, what to read, the lambda-core merge, the completeness envelope.
 */
@NullMarked
package io.lambda.query.merge;

import org.jspecify.annotations.NullMarked;
