package io.lambda.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;

class VersionRegistryTests {

    private static final ViewDefinition VIEW = ViewDefinition.of("pageviews", "Pageviews per URL", "pageview", Map.of(),
            List.of("url"), List.of(Granularity.MINUTE), List.of(MetricSpec.count("views")));

    @Test
    void shouldRebuildADefinitionFromItsCanonicalForm() {
        assertThat(VersionRegistry.fromCanonical(VIEW.canonicalForm(), VIEW.description())).isEqualTo(VIEW);
    }

    @Test
    void shouldTellAVersionThisReleaseComputesFromOneWrittenWithOtherFoldSemantics() {
        assertThat(VersionRegistry.computedByThisRelease(VIEW.version(), VIEW.canonicalForm(), "")).isTrue();
        assertThat(VersionRegistry.computedByThisRelease("73fc7e2470cb", VIEW.canonicalForm(), "")).isFalse();
    }

    @Test
    void shouldLeaveOutARegistryEntryOfAnotherFoldSemanticsInsteadOfFailing() {
        String entry = "{\"registeredAt\":1,\"description\":\"\",\"definition\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(VIEW.canonicalForm()) + "}";

        assertThat(VersionRegistry.decode(VIEW.version(), entry)).isNotNull();
        assertThat(VersionRegistry.decode("73fc7e2470cb", entry)).isNull();
    }
}
