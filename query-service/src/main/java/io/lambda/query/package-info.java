@NullMarked
package io.lambda.query;

import org.jspecify.annotations.NullMarked;
