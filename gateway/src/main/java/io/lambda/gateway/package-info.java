@NullMarked
package io.lambda.gateway;

import org.jspecify.annotations.NullMarked;
