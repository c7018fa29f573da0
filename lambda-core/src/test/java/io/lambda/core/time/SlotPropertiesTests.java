package io.lambda.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SlotPropertiesTests {

    @Test
    void shouldDefaultToFiveMinuteSlots() {
        SlotProperties properties = bind(Map.of());

        assertThat(properties.slots()).isEqualTo(new IngestSlots(Duration.ofMinutes(5)));
    }

    @Test
    void shouldBindTheSlotLengthFromLambdaSlot() {
        assertThat(bind(Map.of("lambda.slot", "1m")).slot()).isEqualTo(Duration.ofMinutes(1));
        assertThat(bind(Map.of("lambda.slot", "10s")).slots().length()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldFailBindingWhenTheSlotDoesNotDivideAnHour() {
        assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("lambda.slot", "7m")))
                .havingRootCause().withMessageStartingWith("slot length must divide an hour evenly");
    }

    private static SlotProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lambda", SlotProperties.class);
    }
}
