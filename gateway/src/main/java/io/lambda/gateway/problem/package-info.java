@NullMarked
package io.lambda.gateway.problem;

import org.jspecify.annotations.NullMarked;
