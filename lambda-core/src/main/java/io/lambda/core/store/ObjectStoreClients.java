package io.lambda.core.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds AWS SDK v2 {@link S3Client}s from {@link ObjectStoreProperties}.
 *
 * <p>Clients use the JDK's {@code HttpURLConnection} transport (no Netty, no Apache client) so the
 * services carry one small HTTP stack. Against a custom endpoint, checksums are only sent and
 * validated where the S3 API requires them: S3-compatible stores differ in how far they support
 * the SDK's default trailing-checksum uploads.
 */
public final class ObjectStoreClients {

    private ObjectStoreClients() {
    }

    /** A new client for the given connection; the caller closes it. */
    public static S3Client create(ObjectStoreProperties properties) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(properties.region()))
                .forcePathStyle(properties.pathStyleAccess())
                .credentialsProvider(credentials(properties));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(ObjectStoreProperties properties) {
        String accessKey = properties.accessKey();
        String secretKey = properties.secretKey();
        if (accessKey != null && secretKey != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
