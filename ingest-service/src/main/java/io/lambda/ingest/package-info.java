@NullMarked
package io.lambda.ingest;

import org.jspecify.annotations.NullMarked;
