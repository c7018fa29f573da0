package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What the two arguments of a combine looked like before it: their bytes when the states are
 * serializable, otherwise a rebuild from their inputs.
 */
final class ArgumentSnapshot<T, I> {

    private final @Nullable Function<T, byte[]> serialize;
    private final Equivalence<T> equivalence;
    private final Function<List<I>, T> fold;
    private final byte @Nullable [] a;
    private final byte @Nullable [] b;

    ArgumentSnapshot(T a, T b, @Nullable Function<T, byte[]> serialize, Equivalence<T> equivalence,
            Function<List<I>, T> fold) {
        this.serialize = serialize;
        this.equivalence = equivalence;
        this.fold = fold;
        this.a = serialize == null ? null : serialize.apply(a);
        this.b = serialize == null ? null : serialize.apply(b);
    }

    /** {@code a} and {@code b} (built from {@code inA} and {@code inB}) are as they were when snapshotted. */
    void verifyUnchanged(T a, T b, List<I> inA, List<I> inB, String context) {
        if (serialize != null) {
            assertThat(serialize.apply(a)).as("%s: left argument %s", context, a).isEqualTo(this.a);
            assertThat(serialize.apply(b)).as("%s: right argument %s", context, b).isEqualTo(this.b);
        } else {
            equivalence.check(fold.apply(inA), a, context + ", left argument");
            equivalence.check(fold.apply(inB), b, context + ", right argument");
        }
    }
}
