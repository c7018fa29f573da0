package io.lambda.core.store;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to an S3-compatible object store and the bucket to use ({@code lambda.store.*}).
 *
 * <p>Works unchanged against AWS S3 (no endpoint, default credentials chain) and against MinIO,
 * s3proxy or any other S3-compatible endpoint (endpoint set, usually with path-style access and
 * static keys).
 *
 * @param endpoint        endpoint URI such as {@code http://minio:9000}; {@code null} means the AWS
 *                        endpoint of {@code region}
 * @param region          signing region, default {@code us-east-1}
 * @param bucket          bucket name
 * @param pathStyleAccess {@code true} to address buckets as {@code endpoint/bucket/key} instead of
 *                        {@code bucket.endpoint/key}; most S3-compatible stores need it
 * @param accessKey       static access key; {@code null} (together with {@code secretKey}) means the
 *                        AWS default credentials chain
 * @param secretKey       static secret key, set exactly when {@code accessKey} is set
 */
@ConfigurationProperties("lambda.store")
public record ObjectStoreProperties(
        @Nullable URI endpoint,
        @DefaultValue("us-east-1") String region,
        String bucket,
        boolean pathStyleAccess,
        @Nullable String accessKey,
        @Nullable String secretKey) {

    /** The region used when none is configured. */
    public static final String DEFAULT_REGION = "us-east-1";

    public ObjectStoreProperties {
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("lambda.store.bucket must not be blank");
        }
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException(
                    "lambda.store.access-key and lambda.store.secret-key must be set together or not at all");
        }
    }

    /** Same connection, another bucket. */
    public ObjectStoreProperties withBucket(String otherBucket) {
        return new ObjectStoreProperties(endpoint, region, otherBucket, pathStyleAccess, accessKey, secretKey);
    }

    /** Whether static keys are configured (otherwise the default credentials chain is used). */
    public boolean hasStaticCredentials() {
        return accessKey != null;
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "ObjectStoreProperties[endpoint=" + Objects.toString(endpoint, "<aws default>")
                + ", region=" + region + ", bucket=" + bucket + ", pathStyleAccess=" + pathStyleAccess
                + ", credentials=" + (hasStaticCredentials() ? "static(" + accessKey + ")" : "default chain") + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
