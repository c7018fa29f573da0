package io.lambda.test;

import java.net.URI;
import java.util.Objects;

import io.lambda.core.store.ObjectStoreProperties;

/**
 * An S3-compatible endpoint and the static credentials it accepts.
 *
 * @param endpoint  base URI, e.g. {@code http://127.0.0.1:40123}
 * @param region    signing region
 * @param accessKey access key id
 * @param secretKey secret access key
 */
public record S3Endpoint(URI endpoint, String region, String accessKey, String secretKey) {

    public S3Endpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** Connection properties for {@code bucket} on this endpoint (path-style access, static keys). */
    public ObjectStoreProperties properties(String bucket) {
        return new ObjectStoreProperties(endpoint, region, bucket, true, accessKey, secretKey);
    }

    @Override
    public String toString() {
        return "S3Endpoint[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + "]";
    }
}
