package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MetricSpecTests {

    @Test
    void shouldRequireAFieldForEveryKindButCount() {
        assertThat(Arrays.stream(MetricKind.values()).filter(MetricKind::needsField))
                .containsExactly(MetricKind.SUM, MetricKind.MIN, MetricKind.MAX, MetricKind.AVG,
                        MetricKind.DISTINCT, MetricKind.QUANTILES, MetricKind.TOP);
        assertThatIllegalArgumentException().isThrownBy(() -> new MetricSpec("visitors", MetricKind.DISTINCT, null))
                .withMessageContaining("needs a field");
        assertThatIllegalArgumentException().isThrownBy(() -> new MetricSpec("views", MetricKind.COUNT, "userId"))
                .withMessageContaining("takes no field");
    }

    @Test
    void shouldRejectABlankName() {
        assertThatIllegalArgumentException().isThrownBy(() -> MetricSpec.count(" "));
    }

    @Test
    void shouldBuildSpecsThatCompareByValue() {
        assertThat(MetricSpec.count("views")).isEqualTo(new MetricSpec("views", MetricKind.COUNT, null));
        assertThat(MetricSpec.of("t", MetricKind.SUM, "durationMs").field()).isEqualTo("durationMs");
    }

    @Test
    void shouldSpellKindsInLowerCaseAndParseThemIgnoringCase() {
        assertThat(MetricKind.QUANTILES.id()).isEqualTo("quantiles");
        assertThat(MetricKind.parse("Distinct")).isEqualTo(MetricKind.DISTINCT);
        assertThatIllegalArgumentException().isThrownBy(() -> MetricKind.parse("median"))
                .withMessageContaining("median");
    }

    @Test
    void shouldValidateResultOptionsAndSketchSettings() {
        assertThat(ResultOptions.DEFAULTS).isEqualTo(new ResultOptions(0.5, 10));
        assertThat(ResultOptions.DEFAULTS.withQ(0.95).withTopLimit(3)).isEqualTo(new ResultOptions(0.95, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> ResultOptions.DEFAULTS.withQ(1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> ResultOptions.DEFAULTS.withQ(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> ResultOptions.DEFAULTS.withTopLimit(0));
        assertThat(SketchSettings.DEFAULTS).isEqualTo(new SketchSettings(12, 200, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> new SketchSettings(3, 200, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> new SketchSettings(12, 4, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> new SketchSettings(12, 200, 100));
    }

    @Test
    void shouldCreateTheMonoidOfEachKind() {
        for (MetricKind kind : MetricKind.values()) {
            assertThat(Metrics.monoidFor(kind, SketchSettings.DEFAULTS).kind()).isEqualTo(kind);
        }
        assertThat(Metrics.monoidFor(MetricSpec.count("views")).kind()).isEqualTo(MetricKind.COUNT);
    }
}
