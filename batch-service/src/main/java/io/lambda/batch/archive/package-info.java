@NullMarked
package io.lambda.batch.archive;

import org.jspecify.annotations.NullMarked;
