package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import io.lambda.core.store.ObjectStoreClients;
import io.lambda.core.store.ObjectStoreProperties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Talks to the stack's S3 endpoint with the platform's own client factory. */
@LambdaStackTest
class S3IntegrationTests {

    @Test
    void shouldGetBackPutObjectByteForByte(LambdaStack stack) {
        ObjectStoreProperties bucket = stack.newBucket();
        byte[] content = new byte[300 * 1024];
        new Random(42).nextBytes(content);

        try (S3Client s3 = ObjectStoreClients.create(bucket)) {
            s3.putObject(b -> b.bucket(bucket.bucket()).key("events/v1/file.avro").contentLength((long) content.length),
                    RequestBody.fromBytes(content));

            byte[] read = s3.getObjectAsBytes(b -> b.bucket(bucket.bucket()).key("events/v1/file.avro")).asByteArray();

            assertThat(read).isEqualTo(content);
        }
    }

    @Test
    void shouldListObjectsUnderPrefixAcrossPages(LambdaStack stack) {
        ObjectStoreProperties bucket = stack.newBucket();
        try (S3Client s3 = ObjectStoreClients.create(bucket)) {
            for (String key : List.of("a/1", "a/2", "a/3", "a/4", "a/5", "b/1")) {
                s3.putObject(b -> b.bucket(bucket.bucket()).key(key), RequestBody.fromString(key));
            }

            List<ListObjectsV2Response> pages = s3.listObjectsV2Paginator(b -> b.bucket(bucket.bucket()).prefix("a/").maxKeys(2))
                    .stream().toList();

            assertThat(pages).hasSize(3);
            assertThat(pages.stream().flatMap(page -> page.contents().stream()).map(S3Object::key))
                    .containsExactly("a/1", "a/2", "a/3", "a/4", "a/5");
        }
    }

    @Test
    void shouldCreateDistinctEmptyBucketPerCall(LambdaStack stack) {
        ObjectStoreProperties first = stack.newBucket();
        ObjectStoreProperties second = stack.newBucket();

        try (S3Client s3 = ObjectStoreClients.create(first)) {
            assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains(first.bucket(), second.bucket());
            assertThat(s3.listObjectsV2(b -> b.bucket(first.bucket())).contents()).isEmpty();
        }
        assertThat(first.bucket()).isNotEqualTo(second.bucket()).matches("lambda-[0-9a-f]{12}");
        assertThat(first.endpoint()).isEqualTo(stack.s3().endpoint());
        assertThat(first.pathStyleAccess()).isTrue();
    }
}
