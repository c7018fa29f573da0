package io.lambda.ingest.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Mapping and problem bodies of the endpoint, with the real flow behind it writing to a mock producer. */
@WebMvcTest(EventController.class)
@Import(OfflineIngestBeans.class)
class EventControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldAnswer202WithTheCountsAsJson() throws Exception {
        String event = "{\"id\":\"e1\",\"type\":\"pageview\",\"timestamp\":\"" + Instant.now() + "\"}";

        mvc.perform(post("/api/v1/events").contentType("application/json").content("[" + event + "," + event + "]"))
                .andExpect(status().isAccepted())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(content().json("{\"accepted\":1,\"duplicates\":1,\"unchecked\":1,\"rejected\":0,\"errors\":[]}", true));
    }

    @Test
    void shouldNameTheSupportedTypesWhenRefusingAContentType() throws Exception {
        mvc.perform(post("/api/v1/events").contentType("text/csv").content("id,type"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Accept", "application/json, application/x-ndjson"))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:problem:lambda:unsupported-media-type"))
                .andExpect(jsonPath("$.title").value("Unsupported media type"))
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.detail").value(
                        "Content-Type 'text/csv' is not supported; send application/json, application/x-ndjson"));
    }

    @Test
    void shouldSayThatAnEmptyArrayHoldsNoEvents() throws Exception {
        mvc.perform(post("/api/v1/events").contentType("application/json").content("[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:problem:lambda:no-valid-events"))
                .andExpect(jsonPath("$.detail").value("The array holds no events"))
                .andExpect(jsonPath("$.rejected").value(0));
    }

    @Test
    void shouldAnswerOtherMethodsWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/events"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void shouldAnswerAClientThatAcceptsNoJsonWith406() throws Exception {
        String event = "{\"id\":\"e2\",\"type\":\"pageview\",\"timestamp\":\"" + Instant.now() + "\"}";

        mvc.perform(post("/api/v1/events").contentType("application/json").accept("text/csv").content(event))
                .andExpect(status().isNotAcceptable());
    }
}
