package io.lambda.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestIdFilterTests {

    @Test
    void shouldKeepAWellFormedId() {
        assertThat(RequestIdFilter.idFor(List.of("abc-DEF_1.2"))).isEqualTo("abc-DEF_1.2");
        assertThat(RequestIdFilter.idFor(List.of("x".repeat(64)))).isEqualTo("x".repeat(64));
    }

    @Test
    void shouldReplaceAMissingRepeatedOrMalformedIdWithANewUuid() {
        List<List<String>> bad = List.of(List.of(), List.of(""), List.of("x".repeat(65)), List.of("a b"),
                List.of("a\nb"), List.of("ok-1", "ok-2"));

        assertThat(bad).allSatisfy(given -> assertThat(RequestIdFilter.idFor(given))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertThat(RequestIdFilter.idFor(null)).hasSize(36);
    }
}
