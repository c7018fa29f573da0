package io.lambda.core.store;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The few object-store operations the platform needs, bound to one bucket.
 *
 * <p>Owns its {@link S3Client}: {@link #close()} closes it.
 */
public final class ObjectStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

    private final S3Client client;
    private final String bucket;

    /** Uses {@code client} for {@code bucket} and takes ownership of the client. */
    public ObjectStore(S3Client client, String bucket) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /** A store on a new client built from {@code properties}. */
    public static ObjectStore create(ObjectStoreProperties properties) {
        return new ObjectStore(ObjectStoreClients.create(properties), properties.bucket());
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket unless it exists; safe to call concurrently from several instances. */
    public void ensureBucket() {
        if (bucketExists()) {
            return;
        }
        try {
            client.createBucket(b -> b.bucket(bucket));
            log.info("Created bucket={}", bucket);
        } catch (BucketAlreadyOwnedByYouException e) {
            // another instance won the race: the bucket is there, which is all we want
        }
    }

    /** Whether the bucket exists and is accessible. */
    public boolean bucketExists() {
        try {
            client.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Stores {@code bytes} under {@code key} (with an explicit content length), replacing any object there. */
    public void put(String key, byte[] bytes) {
        put(key, bytes, "application/octet-stream");
    }

    /** Stores {@code bytes} under {@code key} with the given content type. */
    public void put(String key, byte[] bytes, String contentType) {
        client.putObject(b -> b.bucket(bucket).key(key).contentLength((long) bytes.length).contentType(contentType),
                RequestBody.fromBytes(bytes));
    }

    /** The object's bytes, or empty when there is no object under {@code key}. */
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Every object whose key starts with {@code prefix}, in key order. Pages are fetched lazily
     * while the stream is consumed, so a listing of millions of keys never sits in memory at once.
     */
    public Stream<StoredObject> list(String prefix) {
        return list(prefix, 1_000);
    }

    /** Like {@link #list(String)}, fetching at most {@code pageSize} keys per request. */
    public Stream<StoredObject> list(String prefix, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(pageSize))
                .contents()
                .stream()
                .map(o -> new StoredObject(o.key(), o.size(), o.lastModified()));
    }

    /**
     * Every object whose key starts with {@code prefix} and sorts after {@code startAfter} (exclusive), in key
     * order, fetched lazily page by page: a range scan that skips the keys before {@code startAfter} on the
     * server side.
     */
    public Stream<StoredObject> list(String prefix, String startAfter) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).startAfter(startAfter).maxKeys(1_000))
                .contents()
                .stream()
                .map(o -> new StoredObject(o.key(), o.size(), o.lastModified()));
    }

    @Override
    public void close() {
        client.close();
    }
}
