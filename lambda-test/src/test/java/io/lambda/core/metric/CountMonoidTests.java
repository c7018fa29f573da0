package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import io.lambda.test.Equivalence;
import io.lambda.test.MonoidLaws;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CountMonoidTests {

    private final CountMonoid monoid = new CountMonoid();

    @TestFactory
    Stream<DynamicTest> shouldObeyTheMonoidLawsExactly() {
        return MonoidLaws.<CountMonoid.Count, Object>of(monoid, monoid::add,
                        random -> RandomInputs.listOf(random, 500, RandomInputs::mixed))
                .equivalence(Equivalence.equalBytes(monoid::serialize))
                .accuracy((inputs, state, context) -> assertThat(monoid.result(state, ResultOptions.DEFAULTS))
                        .as(context).isEqualTo((long) inputs.size()))
                .serialization(monoid::serialize, monoid::deserialize)
                .commutative()
                .dynamicTests();
    }

    @Test
    void shouldCountEveryEventWhateverItsValue() {
        CountMonoid.Count count = monoid.empty();
        for (Object value : Arrays.asList(null, "text", 1L, 2.5, Boolean.FALSE)) {
            count = monoid.add(count, value);
        }

        assertThat(monoid.result(count, ResultOptions.DEFAULTS)).isEqualTo(5L);
    }

    @Test
    void shouldAddTwoCountsIntoANewState() {
        CountMonoid.Count left = monoid.deserialize(monoid.serialize(new CountMonoid.Count(3)));
        CountMonoid.Count right = new CountMonoid.Count(4);

        CountMonoid.Count sum = monoid.combine(left, right);

        assertThat(sum).isNotSameAs(left).isNotSameAs(right);
        assertThat(monoid.result(sum, ResultOptions.DEFAULTS)).isEqualTo(7L);
        assertThat(left.value).isEqualTo(3);
    }
}
