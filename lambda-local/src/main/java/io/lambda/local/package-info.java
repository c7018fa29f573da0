/**
 * The local platform: real Kafka, Redis and S3 endpoint from lambda-test, the services in one JVM, and a demo.
 * Not part of any service's runtime.
 */
@NullMarked
package io.lambda.local;

import org.jspecify.annotations.NullMarked;
