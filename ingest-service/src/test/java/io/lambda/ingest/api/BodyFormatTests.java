package io.lambda.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFormatTests {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"", "application/json; charset=utf8"})
    void shouldReadJsonBodiesInUtf8(String contentType) {
        assertThat(BodyFormat.of(contentType)).isEqualTo(BodyFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-ndjson", "application/x-ndjson; charset=UTF-8"})
    void shouldReadNdjsonBodies(String contentType) {
        assertThat(BodyFormat.of(contentType)).isEqualTo(BodyFormat.NDJSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/json", "application/problem+json", "application/jsonl", "multipart/form-data",
            "application/json; charset=utf-16", "application/json; charset=nonsense", "application/"})
    void shouldRefuseEverythingElseAsUnsupported(String contentType) {
        assertThatExceptionOfType(IngestProblem.class).isThrownBy(() -> BodyFormat.of(contentType))
                .satisfies(problem -> assertThat(problem.type()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE));
    }
}
