@NullMarked
package io.lambda.batch.job;

import org.jspecify.annotations.NullMarked;
