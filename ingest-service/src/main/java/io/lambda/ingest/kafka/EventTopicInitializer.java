package io.lambda.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Makes sure the event topic exists with {@code LogAppendTime} before ingest writes to it.
 *
 * <p>At startup it checks once, bounded by the admin timeout. A topic that exists with other timestamps fails the
 * startup: the platform's ingest times would be wrong. An unreachable broker does not: the service starts (health
 * DOWN, requests answered 503 at once) and keeps checking in the background, pausing 1 s growing to 5 s, until the
 * topic is ready.
 * A misconfiguration found in the background is logged and reported by health and in every 503.
 */
public final class EventTopicInitializer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventTopicInitializer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final EventTopicAdmin admin;
    private final EventTopicState state;
    private @Nullable ScheduledExecutorService retries;
    private volatile boolean running;

    public EventTopicInitializer(EventTopicAdmin admin, EventTopicState state) {
        this.admin = admin;
        this.state = state;
    }

    @Override
    public void start() {
        TopicStatus status = admin.ensureTopic();
        state.update(status);
        if (status instanceof TopicStatus.Misconfigured misconfigured) {
            throw new IllegalStateException("Refusing to start: " + misconfigured.reason());
        }
        running = true;
        if (status instanceof TopicStatus.Pending pending) {
            log.warn("Event topic {} not checked at startup ({}); ingest answers 503 until it is, checking again "
                    + "in the background", admin.topicName(), pending.reason());
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "event-topic-initializer");
                thread.setDaemon(true);
                return thread;
            });
            retries = executor;
            executor.schedule(() -> retry(executor, FIRST_RETRY), FIRST_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retry(ScheduledExecutorService executor, Duration pause) {
        TopicStatus status = admin.ensureTopic();
        state.update(status);
        if (status instanceof TopicStatus.Ready ready) {
            log.info("Event topic {} is {}", admin.topicName(), ready.describe());
        } else if (status instanceof TopicStatus.Misconfigured misconfigured) {
            log.error("Event topic {}: {}; ingest refuses to write (503) until it is fixed and the service restarted",
                    admin.topicName(), misconfigured.reason());
        } else if (running) {
            Duration next = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
            log.debug("Event topic {} {}, next try in {}", admin.topicName(), status.describe(), next);
            executor.schedule(() -> retry(executor, next), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService executor = retries;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Before the web server starts (phase {@code DEFAULT_PHASE - 1024}): the first request finds the topic checked. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
