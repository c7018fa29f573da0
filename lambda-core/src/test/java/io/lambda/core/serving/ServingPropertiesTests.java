package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ServingPropertiesTests {

    @Test
    void shouldDefaultToTheLambdaPrefix() {
        assertThat(bind(Map.of()).keys().prefix()).isEqualTo("lambda:");
    }

    @Test
    void shouldBindTheKeyPrefix() {
        assertThat(bind(Map.of("lambda.serving.key-prefix", "t-1a2b3c4d:")).keys().archiveWatermark())
                .isEqualTo("t-1a2b3c4d:archive:watermark");
    }

    @Test
    void shouldFailBindingAPrefixThatCouldBreakTheLayout() {
        assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("lambda.serving.key-prefix", "a{b}:")))
                .havingRootCause().withMessage("key prefix 'a{b}:' must match [A-Za-z0-9_.:-]{0,64}");
    }

    private static ServingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lambda.serving", ServingProperties.class);
    }
}
