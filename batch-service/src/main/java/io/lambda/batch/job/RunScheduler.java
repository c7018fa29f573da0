package io.lambda.batch.job;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.redis.BatchPointerPublisher;
import io.lambda.core.view.ViewDefinition;

/**
 * What a schedule tick does: recover runs whose process died, then start a run at the highest allowed boundary
 * unless every view version already serves it (or one is going).
 */
public class RunScheduler {

    private static final Logger log = LoggerFactory.getLogger(RunScheduler.class);

    private final RunLauncher launcher;
    private final Boundaries boundaries;
    private final ComputedViews views;
    private final EventTopicPartitions topic;
    private final BatchPointerPublisher pointers;

    public RunScheduler(RunLauncher launcher, Boundaries boundaries, ComputedViews views, EventTopicPartitions topic,
            BatchPointerPublisher pointers) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
        this.views = Objects.requireNonNull(views, "views");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.pointers = Objects.requireNonNull(pointers, "pointers");
    }

    /** One tick; never throws (a tick that fails is logged and the next one tries again). */
    public void tick() {
        try {
            launcher.recoverDeadRuns();
            Optional<Instant> maximum = boundaries.maximum();
            if (maximum.isEmpty()) {
                log.info("Scheduled batch run skipped: no archive watermark yet");
                return;
            }
            List<ViewDefinition> computed = views.resolve(topic.count());
            boolean current = computed.stream().map(ViewVersion::of).allMatch(v -> {
                Instant serving = pointers.boundary(v);
                return serving != null && !serving.isBefore(maximum.get());
            });
            if (current) {
                log.debug("Scheduled batch run skipped: every view version serves boundary {}", maximum.get());
                return;
            }
            launcher.start(maximum.get());
        } catch (RunAlreadyGoingException e) {
            log.info("Scheduled batch run skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Scheduled batch run failed to start: {}", e.toString());
        }
    }

    /** At start: recovers runs whose process died. */
    public void recoverAtStart() {
        try {
            List<Long> recovered = launcher.recoverDeadRuns();
            if (!recovered.isEmpty()) {
                log.info("Recovered batch executions {} at start", recovered);
            }
        } catch (RuntimeException e) {
            log.warn("Recovering dead batch runs at start failed: {}", e.toString());
        }
    }
}
