package io.lambda.ingest.archive;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs archiver sessions on one thread for the life of the application. A session that fails (object store or
 * Kafka unreachable, a put that throws) is replaced by a new one after the backoff; the new session resumes from
 * the committed offsets and finds files the old one stored but didn't commit. Stopping ends the session cleanly.
 */
final class ArchiverRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArchiverRunner.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ArchiverFactory factory;
    private final Duration restartBackoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile @Nullable Archiver current;
    private @Nullable Thread thread;

    ArchiverRunner(ArchiverFactory factory, Duration restartBackoff) {
        this.factory = factory;
        this.restartBackoff = restartBackoff;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::runSessions, "archiver");
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopped.countDown();
        Archiver session = current;
        if (session != null) {
            session.stop();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void runSessions() {
        while (running) {
            try {
                Archiver session = factory.create();
                current = session;
                if (!running) { // stop() came while the session was being created
                    session.stop();
                }
                session.run();
            } catch (RuntimeException e) {
                log.error("Archiver failed; starting a new one in {}", restartBackoff, e);
                awaitBackoff();
            } finally {
                current = null;
            }
        }
    }

    private void awaitBackoff() {
        try {
            stopped.await(restartBackoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
