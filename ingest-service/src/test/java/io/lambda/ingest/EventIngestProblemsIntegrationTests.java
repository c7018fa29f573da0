package io.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import io.lambda.core.event.EventMessages;
import io.lambda.test.ActuatorProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal of {@code POST /api/v1/events} over real HTTP (Tomcat's own handling included): status, RFC 9457
 * body, and that nothing of a refused request reaches the topic.
 */
class EventIngestProblemsIntegrationTests extends AbstractIngestIntegrationTests {

    private static final long MIB = 1024 * 1024;

    @Test
    void shouldAnswer400WithEveryErrorWhenAllEventsAreInvalid() {
        String body = "[{\"id\":\"" + prefix + "a\",\"type\":\"pageview\"},{\"id\":\"" + prefix
                + "b\",\"type\":\"pageview\",\"timestamp\":1,\"ingestTime\":1}]";

        IngestHttp.Response response = http.postJson(body);

        assertProblem(response, 400, "urn:problem:lambda:no-valid-events", "All 2 events are invalid; see errors");
        JsonNode json = response.json();
        assertThat(json.path("rejected").asInt()).isEqualTo(2);
        assertThat(json.path("errors").toString()).isEqualTo("["
                + "{\"index\":0,\"id\":\"" + prefix + "a\",\"message\":\"" + EventMessages.TIMESTAMP_REQUIRED + "\"},"
                + "{\"index\":1,\"id\":\"" + prefix + "b\",\"message\":\"" + EventMessages.INGEST_TIME_SET + "\"}]");
        assertThat(recordsOfThisTest()).isEmpty();
    }

    @Test
    void shouldAnswer400WhenTheOnlyNdjsonLineIsInvalid() {
        IngestHttp.Response response = http.postNdjson("{\"id\":\"" + prefix + "a\"}\n");

        assertProblem(response, 400, "urn:problem:lambda:no-valid-events", "The event is invalid; see errors");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo(EventMessages.TYPE_REQUIRED);
    }

    @Test
    void shouldAnswer400WithWhereTheBodyBrokeWhenItIsNotJson() {
        String body = "[" + TestEvents.event(prefix + "a") + ",{\"id\":";

        IngestHttp.Response response = http.postJson(body);

        assertProblem(response, 400, "urn:problem:lambda:malformed-body", null);
        assertThat(response.json().path("detail").asString()).startsWith("malformed JSON at line 1, column ");
        assertThat(recordsOfThisTest()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''               | body is empty",
            "'   '            | body is empty",
            "'\"pageview\"'   | body must be a JSON object or an array of JSON objects",
            "'{} {}'          | unexpected content after the JSON value at line 1, column 4"})
    void shouldAnswer400ForBodiesThatHoldNoEvents(String body, String detail) {
        IngestHttp.Response response = http.postJson(body);

        assertProblem(response, 400, "urn:problem:lambda:malformed-body", detail);
    }

    @Test
    void shouldAnswer400ForInvalidUtf8() {
        byte[] body = ("{\"id\":\"" + prefix + "a\",\"type\":\"x\",\"timestamp\":1,\"attributes\":{\"a\":\"\u00ff\"}}")
                .getBytes(StandardCharsets.ISO_8859_1);

        IngestHttp.Response response = http.post("application/json", body);

        assertProblem(response, 400, "urn:problem:lambda:malformed-body", null);
        assertThat(response.json().path("detail").asString()).contains("UTF-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "text/plain                       | Content-Type 'text/plain' is not supported; send application/json, application/x-ndjson",
            "application/xml                  | Content-Type 'application/xml' is not supported; send application/json, application/x-ndjson",
            "application/json; charset=latin1 | charset 'latin1' is not supported; events are UTF-8",
            "not a type                       | Content-Type 'not a type' is not a media type; send application/json, application/x-ndjson",
            "NONE                             | Content-Type is missing; send application/json, application/x-ndjson"})
    void shouldAnswer415ForAnythingButJsonAndNdjson(String contentType, String detail) {
        IngestHttp.Response response = http.post(contentType, TestEvents.event(prefix + "a").getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 415, "urn:problem:lambda:unsupported-media-type", detail);
        assertThat(recordsOfThisTest()).isEmpty();
    }

    @Test
    void shouldAnswer413BeyondTenThousandEvents() {
        List<String> ids = TestEvents.ids(prefix, 0, 10_001);

        IngestHttp.Response response = http.postJson(TestEvents.array(ids));

        assertProblem(response, 413, "urn:problem:lambda:too-many-events", "body has more than 10000 events");
        assertThat(response.json().path("maxEvents").asInt()).isEqualTo(10_000);
        assertThat(recordsOfThisTest()).isEmpty();
    }

    @Test
    void shouldAcceptExactlyTenThousandEvents() {
        IngestHttp.Response response = http.postNdjson(String.join("\n",
                Collections.nCopies(1, "")) + String.join("\n", TestEvents.ids(prefix, 0, 10_000).stream()
                .map(TestEvents::event).toList()));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(10_000);
    }

    @Test
    void shouldAnswer413ForAChunkedBodyOverTenMebibytesWithoutReadingItWhole() throws Exception {
        long hundredMib = 100 * MIB;

        RawHttp.Exchange exchange = RawHttp.postStreaming(port, "application/json",
                ("[" + TestEvents.event(prefix + "a") + ",").getBytes(StandardCharsets.UTF_8), hundredMib, false);

        assertThat(exchange.response().status()).isEqualTo(413);
        assertThat(exchange.response().header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(exchange.response().body()).contains("\"type\":\"urn:problem:lambda:body-too-large\"",
                "\"detail\":\"" + EventMessages.bodyTooLarge(10 * MIB) + "\"");
        // the server read a little over 10 MiB, Tomcat drained at most 2 MiB more, the sockets buffer a few:
        // the server stopped reading and closed the connection long before the 100 MiB
        assertThat(exchange.writerEnded()).isTrue();
        assertThat(exchange.bytesWritten()).isGreaterThan(10 * MIB).isLessThan(40 * MIB);
        assertThat(recordsOfThisTest()).isEmpty();
    }

    @Test
    void shouldAnswer413ForADeclaredContentLengthOverTenMebibytesBeforeReadingTheBody() throws Exception {
        long hundredMib = 100 * MIB;

        RawHttp.Exchange exchange = RawHttp.postStreaming(port, "application/json",
                ("[" + TestEvents.event(prefix + "a") + ",").getBytes(StandardCharsets.UTF_8), hundredMib, true);

        assertThat(exchange.response().status()).isEqualTo(413);
        assertThat(exchange.response().header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(exchange.response().body()).contains("\"type\":\"urn:problem:lambda:body-too-large\"",
                "\"detail\":\"" + EventMessages.bodyTooLarge(10 * MIB) + " (Content-Length: " + hundredMib + ")\"");
        assertThat(exchange.writerEnded()).isTrue();
        assertThat(exchange.bytesWritten()).isLessThan(30 * MIB);
    }

    @Test
    void shouldReportKafkaUpAndDedupAvailableInHealth() {
        var health = ActuatorProbe.get(managementPort, "health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"kafka\":{", "\"topic\":\"" + TOPIC + "\"",
                "\"topicStatus\":\"ready, 3 partitions\"", "\"redis\":\"available\"");
    }

    @Test
    void shouldCountEventsByOutcomeAndRejectionsByReason() {
        http.postJson("[" + TestEvents.event(prefix + "m") + "," + TestEvents.event(prefix + "m")
                + ",{\"id\":\"" + prefix + "n\",\"type\":\"x\",\"timestamp\":\"yesterday\"}]");

        String metrics = ActuatorProbe.get(managementPort, "prometheus").body();

        assertThat(metrics).containsPattern("lambda_ingest_events_total\\{[^}]*outcome=\"accepted\"[^}]*} [1-9]")
                .containsPattern("lambda_ingest_events_total\\{[^}]*outcome=\"duplicate\"[^}]*} [1-9]")
                .containsPattern("lambda_ingest_rejections_total\\{[^}]*reason=\"timestamp\"[^}]*} [1-9]")
                .contains("lambda_ingest_request_bytes_count", "lambda_ingest_request_events_count",
                        "lambda_ingest_produce_latency_seconds_count");
    }

    private static void assertProblem(IngestHttp.Response response, int status, String type, String detail) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode json = response.json();
        assertThat(json.path("type").asString()).isEqualTo(type);
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("title").asString()).isNotBlank();
        if (detail != null) {
            assertThat(json.path("detail").asString()).isEqualTo(detail);
        } else {
            assertThat(json.path("detail").asString()).isNotBlank();
        }
    }
}
