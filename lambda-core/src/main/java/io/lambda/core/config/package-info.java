/** Typed configuration records every layer binds. */
@NullMarked
package io.lambda.core.config;

import org.jspecify.annotations.NullMarked;
