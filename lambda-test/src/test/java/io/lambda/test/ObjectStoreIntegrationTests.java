package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Random;

import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.core.store.StoredObject;
import org.junit.jupiter.api.Test;

@LambdaStackTest
class ObjectStoreIntegrationTests {

    @Test
    void shouldCreateMissingBucketAndTolerateRepeatedCalls(LambdaStack stack) {
        ObjectStoreProperties properties = stack.s3().properties("ensure-" + stack.newKeyPrefix().substring(2, 10));

        try (ObjectStore store = ObjectStore.create(properties)) {
            assertThat(store.bucketExists()).isFalse();

            store.ensureBucket();
            store.ensureBucket();

            assertThat(store.bucketExists()).isTrue();
        }
    }

    @Test
    void shouldReturnStoredBytesAndEmptyForMissingKey(LambdaStack stack) {
        byte[] content = new byte[64 * 1024];
        new Random(7).nextBytes(content);

        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            store.put("events/v1/slot=2026-11-24T10:15Z/p=0/0-99.avro", content);

            assertThat(store.get("events/v1/slot=2026-11-24T10:15Z/p=0/0-99.avro")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
            assertThat(store.get("events/v1/missing.avro")).isEmpty();
        }
    }

    @Test
    void shouldListOnlyKeysUnderPrefixInKeyOrderWithSizes(LambdaStack stack) {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            store.put("events/v1/slot=2026-11-24T10:20Z/p=1/0-9.avro", new byte[3]);
            store.put("events/v1/slot=2026-11-24T10:15Z/p=0/0-9.avro", new byte[10]);
            store.put("events/v1/slot=2026-11-24T10:15Z/p=0/10-19.avro", new byte[20]);
            store.put("other/ignored", new byte[1]);

            assertThat(store.list("events/v1/slot=2026-11-24T10:15Z/"))
                    .extracting(StoredObject::key, StoredObject::size)
                    .containsExactly(
                            tuple("events/v1/slot=2026-11-24T10:15Z/p=0/0-9.avro", 10L),
                            tuple("events/v1/slot=2026-11-24T10:15Z/p=0/10-19.avro", 20L));
        }
    }

    @Test
    void shouldListEveryObjectWhenListingSpansManyPages(LambdaStack stack) {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            for (int i = 0; i < 7; i++) {
                store.put("p/" + i, new byte[] {(byte) i});
            }

            assertThat(store.list("p/", 3)).extracting(StoredObject::key)
                    .containsExactly("p/0", "p/1", "p/2", "p/3", "p/4", "p/5", "p/6");
        }
    }

    @Test
    void shouldReplaceObjectWrittenTwiceUnderSameKey(LambdaStack stack) {
        try (ObjectStore store = ObjectStore.create(stack.newBucket())) {
            store.put("k", new byte[] {1});
            store.put("k", new byte[] {2, 2});

            assertThat(store.get("k")).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2, 2));
            assertThat(store.list("k")).extracting(StoredObject::size).containsExactly(2L);
        }
    }
}
