@NullMarked
package io.lambda.batch;

import org.jspecify.annotations.NullMarked;
