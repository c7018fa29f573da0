package io.lambda.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible endpoint in this JVM: s3proxy with its filesystem backend (one directory per
 * bucket under {@code baseDir}), on a free port of 127.0.0.1, accepting AWS signature v2 and v4
 * with one fixed key pair.
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ProxyServer.class);

    /** Region the endpoint reports; s3proxy accepts signatures for any region. */
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final S3Endpoint endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3ProxyServer(S3Proxy proxy, S3Endpoint endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts s3proxy storing buckets under {@code baseDir}; fails when it isn't serving within 15 s. */
    public static S3ProxyServer start(Path baseDir, String accessKey, String secretKey) {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating s3proxy directory " + baseDir, e);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(baseDir.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("starting s3proxy in " + baseDir, e);
        }
        S3Endpoint endpoint = new S3Endpoint(URI.create("http://127.0.0.1:" + proxy.getPort()), REGION, accessKey, secretKey);
        log.info("Started s3proxy at {} baseDir={}", endpoint.endpoint(), baseDir);
        return new S3ProxyServer(proxy, endpoint);
    }

    public S3Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            proxy.stop();
            log.info("Stopped s3proxy at {}", endpoint.endpoint());
        } catch (Exception e) {
            throw new IllegalStateException("stopping s3proxy at " + endpoint.endpoint(), e);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            log.debug("Stopping s3proxy after a failed start failed", e);
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start within 15 s, state=" + proxy.getState());
            }
            Thread.sleep(10);
        }
    }
}
