package io.lambda.query.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.serving.BatchPointer;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;
import io.lambda.query.merge.Completeness;
import io.lambda.query.merge.GroupsAnswer;
import io.lambda.query.merge.PlatformStatus;
import io.lambda.query.merge.SeriesAnswer;
import io.lambda.query.merge.ServedView;
import io.lambda.query.store.BatchRuns;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of API.md; times as RFC 3339 UTC text. */
final class QueryJson {

    private QueryJson() {
    }

    record View(String name, String version, String description, String eventType, Map<String, String> where,
            List<String> dimensions, List<String> granularities, List<Metric> metrics, @Nullable Batch batch,
            @Nullable String pendingVersion) {

        static View of(ServedView served) {
            ViewDefinition view = served.definition();
            BatchPointer pointer = served.pointer();
            return new View(view.name(), view.version(), view.description(), view.eventType(), view.where(),
                    view.dimensions(), view.granularities().stream().map(Granularity::id).toList(),
                    view.metrics().stream().map(Metric::of).toList(),
                    pointer == null ? null : new Batch(pointer.runId(), text(pointer.boundary()),
                            text(pointer.publishedAt())),
                    served.pending());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metric(String name, String kind, @Nullable String field) {
        static Metric of(MetricSpec spec) {
            return new Metric(spec.name(), spec.kind().id(), spec.field());
        }
    }

    record Batch(String runId, String boundary, String publishedAt) {
    }

    /** {@code missingBefore} only when something is missing, so a complete answer keeps API.md's exact shape. */
    record Envelope(@Nullable String boundary, long speedLag, boolean complete, @Nullable String pendingVersion,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String missingBefore) {
        static Envelope of(Completeness completeness) {
            return new Envelope(text(completeness.boundary()), completeness.speedLag(), completeness.complete(),
                    completeness.pendingVersion(), text(completeness.missingBefore()));
        }
    }

    record Series(String view, String version, String granularity, String layer, @Nullable String boundary,
            Envelope completeness, List<Point> points) {

        static Series of(SeriesAnswer answer) {
            return new Series(answer.view(), answer.version(), answer.granularity().id(), answer.layer().id(),
                    text(answer.completeness().boundary()), Envelope.of(answer.completeness()),
                    answer.points().stream().map(point -> new Point(text(point.t()), point.source().id(),
                            point.metrics())).toList());
        }
    }

    record Point(String t, String source, Map<String, @Nullable Object> metrics) {
    }

    record Groups(String view, String version, String by, String metric, String granularity, String layer,
            @Nullable String boundary, Envelope completeness, List<Group> groups) {

        static Groups of(GroupsAnswer answer) {
            return new Groups(answer.view(), answer.version(), answer.by(), answer.metric(), answer.granularity().id(),
                    answer.layer().id(), text(answer.completeness().boundary()), Envelope.of(answer.completeness()),
                    answer.groups().stream().map(group -> new Group(group.key(), group.source().id(),
                            group.metrics())).toList());
        }
    }

    record Group(String key, String source, Map<String, @Nullable Object> metrics) {
    }

    record Status(Ingest ingest, Archive archive, Speed speed, BatchStatus batch, Freshness freshness,
            List<ViewVersions> views) {

        static Status of(PlatformStatus.Snapshot snapshot) {
            BatchRuns.Answer answer = snapshot.lastRun();
            LastRun lastRun = answer instanceof BatchRuns.LastRun run
                    ? new LastRun(run.runId(), run.status(), run.boundary(), run.finishedAt()) : null;
            Boolean running = answer instanceof BatchRuns.LastRun run ? Boolean.valueOf(run.running())
                    : answer instanceof BatchRuns.NoRun ? Boolean.FALSE : null;
            String service = answer instanceof BatchRuns.NotConfigured ? "not-configured"
                    : answer instanceof BatchRuns.Unreachable ? "unreachable" : "reachable";
            return new Status(
                    new Ingest(snapshot.topic().partitions(), snapshot.topic().totalEndOffsets()),
                    new Archive(text(snapshot.archiveWatermark())),
                    new Speed(snapshot.speedLag(), snapshot.speedRunning() ? "RUNNING" : "NOT_STARTED",
                            text(snapshot.missingBefore())),
                    new BatchStatus(text(snapshot.boundary()), running, lastRun, service),
                    new Freshness(snapshot.speedLagMs(), snapshot.batchAgeMs()),
                    snapshot.views().stream().map(v -> new ViewVersions(v.name(), v.serving(), v.pending(),
                            text(v.boundary()))).toList());
        }
    }

    record Ingest(int partitions, long endOffsets) {
    }

    record Archive(@Nullable String watermark) {
    }

    record Speed(long lag, String state,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String missingBefore) {
    }

    record BatchStatus(@Nullable String boundary, @Nullable Boolean running, @Nullable LastRun lastRun,
            String service) {
    }

    record LastRun(@Nullable String runId, @Nullable String status, @Nullable String boundary,
            @Nullable String finishedAt) {
    }

    record Freshness(@Nullable Long speedLagMs, @Nullable Long batchAgeMs) {
    }

    record ViewVersions(String name, String serving, @Nullable String pending, @Nullable String boundary) {
    }

    static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
