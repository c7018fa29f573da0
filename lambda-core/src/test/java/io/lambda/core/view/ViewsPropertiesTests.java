package io.lambda.core.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ViewsPropertiesTests {

    @Test
    void shouldDefaultToViewsYmlOnTheClasspath() {
        assertThat(bind(Map.of()).location()).isEqualTo("classpath:views.yml");
    }

    @Test
    void shouldBindLambdaViewsLocation() {
        assertThat(bind(Map.of("lambda.views.location", "file:/etc/lambda/views.yml")).location())
                .isEqualTo("file:/etc/lambda/views.yml");
    }

    private static ViewsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lambda.views",
                ViewsProperties.class);
    }
}
