package io.lambda.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.MasterDataset;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform does today, shown on a running one: events posted over HTTP (valid, invalid and repeated ones, as
 * a JSON array and as NDJSON), the answers, and the accepted events arriving in the master dataset.
 */
final class Demo {

    private static final Logger log = LoggerFactory.getLogger(Demo.class);
    private static final Duration ARCHIVE_WAIT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final ObjectStoreProperties bucket;
    private final ArchivePaths paths;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    Demo(String baseUrl, ObjectStoreProperties bucket, ArchivePaths paths) {
        this.baseUrl = baseUrl;
        this.bucket = bucket;
        this.paths = paths;
    }

    void run() throws IOException, InterruptedException {
        Instant start = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String now = start.truncatedTo(ChronoUnit.MILLIS).toString();
        String array = """
                [{"id": "demo-%1$s-1", "type": "pageview", "timestamp": "%2$s", "attributes": {"url": "/pricing", "userId": "u-1"}},
                 {"id": "demo-%1$s-2", "type": "pageview", "timestamp": "%2$s", "attributes": {"url": "/", "userId": "u-2"}},
                 {"id": "demo-%1$s-3", "type": "click", "timestamp": "%2$s", "attributes": {"button": "buy", "price": 49.5}},
                 {"id": "demo-%1$s-4", "type": "pageview", "timestamp": "%3$s"},
                 {"id": "demo-%1$s-1", "type": "pageview", "timestamp": "%2$s"}]
                """.formatted(run, now, start.plus(Duration.ofHours(1)));
        int accepted = post("a JSON array: 3 valid events, one from the future, one repeated id", "application/json",
                array);
        accepted += post("the same array again: its ids are duplicates now", "application/json", array);
        String ndjson = """
                {"id": "demo-%1$s-5", "type": "signup", "timestamp": "%2$s", "attributes": {"plan": "pro"}}
                {"id": "demo-%1$s-6", "type": "signup", "timestamp": "%2$s", "attributes": {"plan": 
                {"id": "demo-%1$s-7", "type": "signup", "timestamp": "%2$s"}
                """.formatted(run, now);
        accepted += post("NDJSON with a broken line", "application/x-ndjson", ndjson);
        awaitArchived(accepted, start);
    }

    /** Posts {@code body}, logs the answer; the number of events accepted. */
    private int post(String what, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        log.info("POST {}\n  -> {} {}", what, response.statusCode(), response.body());
        JsonNode answer = json.readTree(response.body());
        return answer.path("accepted").asInt(0);
    }

    /** Waits until the master dataset holds {@code accepted} events ingested since {@code start}, and lists them. */
    private void awaitArchived(int accepted, Instant start) throws InterruptedException {
        log.info("Waiting for the archiver to store the {} accepted events in the master dataset", accepted);
        Instant deadline = Instant.now().plus(ARCHIVE_WAIT);
        try (ObjectStore store = ObjectStore.create(bucket)) {
            MasterDataset dataset = new MasterDataset(store, paths);
            while (true) {
                Instant from = paths.slots().slotStart(start);
                Instant to = paths.slots().nextSlot(paths.slots().slotStart(Instant.now()));
                Map<ArchiveFile, Long> eventsByFile = new LinkedHashMap<>();
                dataset.list(from, to).forEach(file -> eventsByFile.put(file, dataset.read(file).count()));
                long archived = eventsByFile.values().stream().mapToLong(Long::longValue).sum();
                if (archived >= accepted) {
                    eventsByFile.forEach((file, events) -> log.info("s3://{}/{}: {} event{}", bucket.bucket(),
                            paths.key(file), events, events == 1 ? "" : "s"));
                    log.info("The master dataset holds all {} accepted events", archived);
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    log.warn("After {} s the master dataset holds {} of the {} accepted events",
                            ARCHIVE_WAIT.toSeconds(), archived, accepted);
                    return;
                }
                Thread.sleep(500);
            }
        }
    }
}
