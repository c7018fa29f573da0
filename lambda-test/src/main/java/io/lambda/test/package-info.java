/** Real infrastructure for tests: Kafka, redis-server and an S3 endpoint started once per JVM. */
@NullMarked
package io.lambda.test;

import org.jspecify.annotations.NullMarked;
