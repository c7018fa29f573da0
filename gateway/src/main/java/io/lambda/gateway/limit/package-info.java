@NullMarked
package io.lambda.gateway.limit;

import org.jspecify.annotations.NullMarked;
