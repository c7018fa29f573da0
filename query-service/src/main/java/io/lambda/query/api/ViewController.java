package io.lambda.query.api;

import java.util.List;

import io.lambda.query.merge.QueryEngine;
import io.lambda.query.merge.ViewVersions;
import io.lambda.query.store.EventLog;
import io.lambda.query.store.RedisReads;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/views}, {@code /api/v1/views/{name}/series} and {@code /groups} (API.md). */
@RestController
@RequestMapping(path = "/api/v1/views", produces = "application/json")
class ViewController {

    private final ViewVersions versions;
    private final QueryEngine engine;
    private final EventLog log;
    private final RedisReads redis;
    private final QueryMetrics metrics;

    ViewController(ViewVersions versions, QueryEngine engine, EventLog log, RedisReads redis, MeterRegistry registry) {
        this.versions = versions;
        this.engine = engine;
        this.log = log;
        this.redis = redis;
        this.metrics = new QueryMetrics(registry);
    }

    @GetMapping
    List<QueryJson.View> views() {
        return metrics.time("views", () -> {
            int partitions = log.readNow().partitions();
            long deadline = redis.deadline();
            return versions.catalog().stream()
                    .map(view -> QueryJson.View.of(versions.serve(view, partitions, deadline))).toList();
        });
    }

    @GetMapping("/{name}/series")
    QueryJson.Series series(@PathVariable String name, @RequestParam MultiValueMap<String, String> parameters) {
        return metrics.time("series", () -> {
            versions.catalogView(name);
            return QueryJson.Series.of(engine.series(new QueryParameters(parameters).series(name)));
        });
    }

    @GetMapping("/{name}/groups")
    QueryJson.Groups groups(@PathVariable String name, @RequestParam MultiValueMap<String, String> parameters) {
        return metrics.time("groups", () -> {
            versions.catalogView(name);
            return QueryJson.Groups.of(engine.groups(new QueryParameters(parameters).groups(name)));
        });
    }
}
