@NullMarked
package io.lambda.batch.publish;

import org.jspecify.annotations.NullMarked;
