@NullMarked
package io.lambda.gateway.route;

import org.jspecify.annotations.NullMarked;
