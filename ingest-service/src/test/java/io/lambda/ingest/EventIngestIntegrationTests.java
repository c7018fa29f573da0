package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lambda.core.event.Event;
import io.lambda.core.event.EventMessages;
import io.lambda.core.event.avro.EventAvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The happy paths and duplicates of {@code POST /api/v1/events} over real HTTP, against real Kafka and Redis. */
class EventIngestIntegrationTests extends AbstractIngestIntegrationTests {

    private static final EventAvroCodec CODEC = new EventAvroCodec();

    @Test
    void shouldAcceptOneEventObjectAndWriteItToTheTopicWithLogAppendTime() {
        Instant before = Instant.now();

        IngestHttp.Response response = http.postJson(TestEvents.event(prefix + "one"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().toString())
                .isEqualTo("{\"accepted\":1,\"duplicates\":0,\"rejected\":0,\"errors\":[]}");
        List<ConsumerRecord<String, byte[]>> records = recordsOfThisTest();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(prefix + "one");
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(Instant.ofEpochMilli(record.timestamp())).isAfterOrEqualTo(before.minusMillis(1));
            Event event = CODEC.decode(record.value());
            assertThat(event.id()).isEqualTo(prefix + "one");
            assertThat(event.type()).isEqualTo("pageview");
            assertThat(event.attributes()).containsEntry("url", "/pricing").containsEntry("durationMs", 5400L);
            assertThat(event.ingestTime()).isNull();
        });
    }

    @Test
    void shouldAcceptTheValidEventsOfAnArrayAndRejectEachInvalidOneWithItsIndexAndId() {
        String body = "[" + TestEvents.event(prefix + "a")
                + ",{\"id\":\"" + prefix + "b\",\"type\":\"pageview\",\"timestamp\":\"" + Instant.now().plusSeconds(3600) + "\"}"
                + "," + TestEvents.event(prefix + "c")
                + ",{\"id\":\"bad id\",\"type\":\"pageview\",\"timestamp\":1}"
                + ",42]";

        IngestHttp.Response response = http.postJson(body);

        assertThat(response.status()).isEqualTo(202);
        JsonNode json = response.json();
        assertThat(json.path("accepted").asInt()).isEqualTo(2);
        assertThat(json.path("duplicates").asInt()).isZero();
        assertThat(json.path("rejected").asInt()).isEqualTo(3);
        assertThat(json.path("errors").toString()).isEqualTo("["
                + "{\"index\":1,\"id\":\"" + prefix + "b\",\"message\":\"timestamp is more than 5 minutes in the future\"},"
                + "{\"index\":3,\"id\":null,\"message\":\"" + EventMessages.ID_FORMAT + "\"},"
                + "{\"index\":4,\"id\":null,\"message\":\"" + EventMessages.EVENT_NOT_OBJECT + "\"}]");
        assertThat(recordsOfThisTest()).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(prefix + "a", prefix + "c");
    }

    @Test
    void shouldReadNdjsonAndRejectOnlyTheBadLine() {
        String body = TestEvents.event(prefix + "1") + "\n"
                + "\n"
                + "{\"id\":\"" + prefix + "2\",\"type\":\"pageview\",\"timestamp\":\n"
                + TestEvents.event(prefix + "3") + "\n";

        IngestHttp.Response response = http.postNdjson(body);

        assertThat(response.status()).isEqualTo(202);
        JsonNode json = response.json();
        assertThat(json.path("accepted").asInt()).isEqualTo(2);
        assertThat(json.path("rejected").asInt()).isEqualTo(1);
        JsonNode error = json.path("errors").get(0);
        assertThat(error.path("index").asInt()).isEqualTo(1);
        assertThat(error.path("message").asString()).startsWith("malformed JSON at line 3");
        assertThat(recordsOfThisTest()).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(prefix + "1", prefix + "3");
    }

    @Test
    void shouldReportARepeatedIdWithinARequestAsADuplicateOfTheFirst() {
        String first = TestEvents.event(prefix + "x");
        String body = "[" + first + "," + TestEvents.event(prefix + "y") + ","
                + first.replace("/pricing", "/other") + "]";

        IngestHttp.Response response = http.postJson(body);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(response.json().path("duplicates").asInt()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records = recordsOfThisTest();
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(prefix + "x", prefix + "y");
        assertThat(records).filteredOn(record -> record.key().equals(prefix + "x"))
                .singleElement().satisfies(record ->
                        assertThat(CODEC.decode(record.value()).attributes()).containsEntry("url", "/pricing"));
    }

    @Test
    void shouldAcceptAValidEventWhoseIdAnEarlierInvalidEventOfTheRequestAlsoHad() {
        String body = "[{\"id\":\"" + prefix + "z\",\"type\":\"Bad Type\",\"timestamp\":1}," + TestEvents.event(prefix + "z") + "]";

        IngestHttp.Response response = http.postJson(body);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(response.json().path("duplicates").asInt()).isZero();
        assertThat(response.json().path("rejected").asInt()).isEqualTo(1);
    }

    @Test
    void shouldReportIdsAcceptedByAnEarlierRequestAsDuplicatesAndNotWriteThemAgain() {
        IngestHttp.Response first = http.postJson(TestEvents.array(TestEvents.ids(prefix, 0, 3)));
        IngestHttp.Response second = http.postJson(TestEvents.array(TestEvents.ids(prefix, 2, 3)));
        IngestHttp.Response third = http.postJson(TestEvents.event(prefix + "1"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(second.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(third.status()).isEqualTo(202);
        assertThat(third.json().toString()).isEqualTo("{\"accepted\":0,\"duplicates\":1,\"rejected\":0,\"errors\":[]}");
        assertThat(recordsOfThisTest()).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(TestEvents.ids(prefix, 0, 5));
    }

    @Test
    void shouldHaveEveryAcceptedEventInTheTopicExactlyOnceAfterThe202() {
        List<String> accepted = new ArrayList<>();
        for (int request = 0; request < 4; request++) {
            // each request overlaps the previous one by 500 ids and repeats 100 of its own
            List<String> ids = new ArrayList<>(TestEvents.ids(prefix, request * 1_500, 2_000));
            ids.addAll(ids.subList(0, 100));
            IngestHttp.Response response = http.postJson(TestEvents.array(ids));

            assertThat(response.status()).isEqualTo(202);
            int accepts = response.json().path("accepted").asInt();
            assertThat(accepts).isEqualTo(request == 0 ? 2_000 : 1_500);
            assertThat(response.json().path("duplicates").asInt()).isEqualTo(request == 0 ? 100 : 600);
            accepted.addAll(TestEvents.ids(prefix, request == 0 ? 0 : request * 1_500 + 500, accepts));
        }

        assertThat(recordsOfThisTest()).extracting(ConsumerRecord::key)
                .hasSize(accepted.size())
                .containsExactlyInAnyOrderElementsOf(accepted);
    }

    @Test
    void shouldAcceptEpochMillisecondTimestampsAndUtf8Text() {
        long now = System.currentTimeMillis();
        String body = "{\"id\":\"" + prefix + "u\",\"type\":\"click\",\"timestamp\":" + now
                + ",\"attributes\":{\"city\":\"Zürich ✓\",\"ok\":true,\"ratio\":0.5}}";

        IngestHttp.Response response = http.post("application/json; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(202);
        assertThat(recordsOfThisTest()).singleElement().satisfies(record -> {
            Event event = CODEC.decode(record.value());
            assertThat(event.timestamp()).isEqualTo(Instant.ofEpochMilli(now));
            assertThat(event.attributes()).containsEntry("city", "Zürich ✓").containsEntry("ok", true)
                    .containsEntry("ratio", 0.5);
        });
    }
}
