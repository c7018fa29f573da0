@NullMarked
package io.lambda.speed;

import org.jspecify.annotations.NullMarked;
