@NullMarked
package io.lambda.gateway.auth;

import org.jspecify.annotations.NullMarked;
