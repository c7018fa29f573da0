package io.lambda.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicPathFilterTests {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1", "/api/v1/", "/api/v1/events", "/api/v1/views/page.views/series",
            "/api/v1/batch/runs/2026-11-24T10%3A00%3A00Z"})
    void shouldTreatPathsUnderTheApiAsPublic(String path) {
        assertThat(PublicPathFilter.isPublic(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/actuator/health", "/api/v10/views", "/api/v1x", "/api/v1/../actuator",
            "/api/v1/./views", "/api/v1/%2E%2E/actuator", "/api/v1/a%2Fb", "/api/v1/a%5Cb", "/api/v1/a\\b",
            "/api/v1/views;jsessionid=1", "/api/v1//views", "/api/v1/a%00"})
    void shouldRefusePathsOutsideTheApiOrThatAServiceCouldResolveElsewhere(String path) {
        assertThat(PublicPathFilter.isPublic(path)).isFalse();
    }
}
