package io.lambda.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProblemsTests {

    @Test
    void shouldWriteTypeTitleStatusAndEscapedDetail() {
        String body = new String(Problems.body(ProblemType.FORBIDDEN, "role \"query\"\n\\ \u0001"), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"type\":\"urn:problem:lambda:forbidden\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"role \\\"query\\\"\\n\\\\ \\u0001\"}");
    }

    @Test
    void shouldRoundRetryAfterUpToWholeSecondsOfAtLeastOne() {
        assertThat(Problems.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(Problems.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(Problems.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(Problems.retryAfterSeconds(Duration.ofSeconds(5))).isEqualTo(5);
    }
}
