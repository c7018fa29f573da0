@NullMarked
package io.lambda.batch.api;

import org.jspecify.annotations.NullMarked;
