package io.lambda.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lambda.core.event.Admission;
import io.lambda.core.event.Event;
import io.lambda.core.event.EventRules;
import io.lambda.core.event.EventValidator;
import io.lambda.core.event.RawEvent;
import io.lambda.core.event.avro.EventAvroCodec;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the endpoint with seeded generated bodies (set {@code -Dlambda.fuzz.seed=<n>} to replay a run; every failure
 * names the seed of its body). The flow behind the controller is the real one, writing to a mock producer.
 */
@WebMvcTest(EventController.class)
@Import(OfflineIngestBeans.class)
class EventEndpointFuzzTests {

    private static final long SEED = Long.getLong("lambda.fuzz.seed", 20_261_124L);
    private static final int INVALID_BODIES = 10_000;
    private static final int MUTATED_BODIES = 3_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    MockProducer<String, byte[]> producer;

    @Test
    void shouldRefuseEveryBodyWithoutAValidEventWholeAndWriteNothing() throws Exception {
        Map<HostileBodies.Kind, Integer> kinds = new EnumMap<>(HostileBodies.Kind.class);
        for (int i = 0; i < INVALID_BODIES; i++) {
            HostileBodies.Body body = HostileBodies.invalid(SEED * 1_000_003L + i);
            int written = producer.history().size();
            kinds.merge(body.kind(), 1, Integer::sum);

            MockHttpServletResponse response = send(body);

            if (response.getStatus() != 400 && response.getStatus() != 413) {
                fail("expected 400 or 413 for " + body + "\nbut got " + response.getStatus() + " "
                        + response.getContentAsString());
            }
            assertProblem(body, response);
            if (producer.history().size() != written) {
                fail("wrote events of a body without a valid event: " + body);
            }
        }
        // the generator covered every kind of hostile body, not a few by chance
        assertThat(kinds).hasSize(HostileBodies.Kind.values().length - 1).allSatisfy((kind, count) ->
                assertThat(count).as("bodies of kind %s", kind).isGreaterThan(INVALID_BODIES / 20));
    }

    @Test
    void shouldNeverFailWithA5xxNorWriteAnInvalidEventForMutatedBodies() throws Exception {
        EventValidator validator = new EventValidator(EventRules.DEFAULTS);
        EventAvroCodec codec = new EventAvroCodec();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < MUTATED_BODIES; i++) {
            HostileBodies.Body body = HostileBodies.mutated(SEED * 7_000_003L + i);
            int before = producer.history().size();

            MockHttpServletResponse response = send(body);

            int status = response.getStatus();
            statuses.merge(status, 1, Integer::sum);
            if (status != 202 && status != 400 && status != 413) {
                fail("expected 202, 400 or 413 for " + body + "\nbut got " + status + " " + response.getContentAsString());
            }
            List<ProducerRecord<String, byte[]>> written = producer.history().subList(before, producer.history().size());
            if (status != 202) {
                assertProblem(body, response);
                assertThat(written).as("events written for a refused body %s", body).isEmpty();
                continue;
            }
            JsonNode json = JSON.readTree(response.getContentAsString());
            assertThat(json.path("accepted").asInt()).as("accepted of %s", body).isEqualTo(written.size());
            for (ProducerRecord<String, byte[]> record : written) {
                Event event = codec.decode(record.value());
                Admission admission = validator.validate(0, RawEvent.of(event.id(), event.type(),
                        event.timestamp().toEpochMilli(), event.attributes()), Instant.now());
                assertThat(admission).as("written event %s of %s", event, body).isInstanceOf(Admission.Accepted.class);
                assertThat(record.key()).isEqualTo(event.id());
            }
        }
        // mutations are meant to land on both sides of validity
        assertThat(statuses).containsKeys(202, 400).allSatisfy((status, count) ->
                assertThat(count).as("answers %s", status).isGreaterThan(MUTATED_BODIES / 20));
    }

    private MockHttpServletResponse send(HostileBodies.Body body) throws Exception {
        return mvc.perform(post("/api/v1/events").contentType(body.contentType()).content(body.bytes()))
                .andReturn().getResponse();
    }

    private static void assertProblem(HostileBodies.Body body, MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).as("content type for %s", body).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.path("type").asString()).as("problem type for %s", body).startsWith("urn:problem:lambda:");
        assertThat(problem.path("detail").asString()).as("detail for %s", body).isNotBlank();
    }
}
