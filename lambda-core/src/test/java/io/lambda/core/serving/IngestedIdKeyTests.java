package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IngestedIdKeyTests {

    @Test
    void shouldPrefixTheEventIdWithoutAHashTag() {
        String key = new ServingKeys("lambda:").ingestedId("0f8c2d1e-a:b.c_d");

        assertThat(key).isEqualTo("lambda:ingested:0f8c2d1e-a:b.c_d");
        assertThat(ServingKeys.hashTag(key)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a{b}", "a b", "ä"})
    void shouldRefuseTextThatIsNoEventId(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ServingKeys("p:").ingestedId(id))
                .withMessageContaining("not an event id");
    }

    @Test
    void shouldRefuseIdsLongerThanTheEventIdLimit() {
        ServingKeys keys = new ServingKeys("p:");

        assertThat(keys.ingestedId("x".repeat(128))).hasSize(2 + 9 + 128);
        assertThatIllegalArgumentException().isThrownBy(() -> keys.ingestedId("x".repeat(129)));
    }

    @Test
    void shouldBindTheServingPrefixWithLambdaAsDefault() {
        assertThat(bind(Map.of()).keys().prefix()).isEqualTo("lambda:");
        assertThat(bind(Map.of("lambda.serving.key-prefix", "t-1:")).keys().ingestedId("a")).isEqualTo("t-1:ingested:a");
    }

    @Test
    void shouldFailBindingAPrefixWithBraces() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of("lambda.serving.key-prefix", "{x}")))
                .havingRootCause().withMessageContaining("key prefix '{x}'");
    }

    private static ServingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lambda.serving", ServingProperties.class);
    }
}
