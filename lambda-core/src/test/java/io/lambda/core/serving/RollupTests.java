package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import io.lambda.core.metric.MetricKind;
import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;
import io.lambda.core.view.ViewDefinition;
import org.junit.jupiter.api.Test;

class RollupTests {

    private static final List<String> DIMENSIONS = List.of("url", "country", "device");

    @Test
    void shouldStoreNothingKeptEachSingleDimensionAndTheFullRow() {
        assertThat(Rollup.forView(DIMENSIONS)).extracting(Rollup::token)
                .containsExactly("*", "url", "country", "device", "url,country,device");
    }

    @Test
    void shouldNotStoreASeparateFullRowForOneOrNoDimension() {
        assertThat(Rollup.forView(List.of("url"))).extracting(Rollup::token).containsExactly("*", "url");
        assertThat(Rollup.forView(List.of())).extracting(Rollup::token).containsExactly("*");
        assertThat(Rollup.forView(ViewDefinition.of("v", "", "e", java.util.Map.of(), List.of("a", "b"),
                List.of(Granularity.DAY), List.of(new MetricSpec("n", MetricKind.COUNT, null)))))
                .extracting(Rollup::token).containsExactly("*", "a", "b", "a,b");
    }

    @Test
    void shouldDeriveRollupRowValuesFromAFullRow() {
        List<String> full = List.of("/pricing", "DE", "mobile");

        assertThat(Rollup.none().project(DIMENSIONS, full)).isEmpty();
        assertThat(Rollup.of("country").project(DIMENSIONS, full)).containsExactly("DE");
        assertThat(new Rollup(DIMENSIONS).project(DIMENSIONS, full)).containsExactly("/pricing", "DE", "mobile");
    }

    @Test
    void shouldRefuseToProjectMismatchedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.of("url").project(DIMENSIONS, List.of("/")))
                .withMessage("expected 3 dimension values, got 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.of("plan").project(DIMENSIONS, List.of("/", "DE", "m")))
                .withMessage("rollup keeps 'plan', which is not one of [url, country, device]");
    }

    @Test
    void shouldSelectTheSmallestStoredRowHoldingTheNeededDimensions() {
        assertThat(Rollup.select(DIMENSIONS, Set.of())).isEqualTo(Rollup.none());
        assertThat(Rollup.select(DIMENSIONS, List.of("country"))).isEqualTo(Rollup.of("country"));
        assertThat(Rollup.select(DIMENSIONS, List.of("country", "country"))).isEqualTo(Rollup.of("country"));
        assertThat(Rollup.select(DIMENSIONS, List.of("device", "url"))).isEqualTo(new Rollup(DIMENSIONS));
        assertThat(Rollup.forView(DIMENSIONS)).contains(Rollup.select(DIMENSIONS, List.of("device", "url")));
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.select(DIMENSIONS, List.of("plan")))
                .withMessage("unknown dimension 'plan', the view has [url, country, device]");
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.select(List.of(), List.of("plan")))
                .withMessage("unknown dimension 'plan', the view has none");
    }

    @Test
    void shouldRoundTripTokens() {
        for (Rollup rollup : Rollup.forView(DIMENSIONS)) {
            assertThat(Rollup.parse(rollup.token())).isEqualTo(rollup);
        }
        assertThat(Rollup.none().isNone()).isTrue();
    }

    @Test
    void shouldRejectInvalidRollups() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.parse(""))
                .withMessage("invalid dimension name '' in rollup");
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.parse("url,,x"))
                .withMessage("invalid dimension name '' in rollup");
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.of("url", "url"))
                .withMessage("rollup keeps a dimension twice: [url, url]");
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.of("a:b"))
                .withMessage("invalid dimension name 'a:b' in rollup");
    }
}
