package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import io.lambda.core.metric.Monoid;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;

/**
 * The shared monoid law checks (STYLE.md): identity on both sides, associativity, commutativity where
 * claimed, serialization round trip, "merging the parts equals aggregating the whole input", and
 * combine leaving its arguments untouched.
 *
 * <p>States are built the way the layers build them: by folding randomly generated inputs into
 * {@code empty()} with {@code add}. Two states are compared with an {@link Equivalence} (exact for exact
 * metrics); sketch-backed metrics add an {@link Accuracy} check of every state against the exact answer
 * of the inputs it has seen. Randomness comes from one seed, printed in every failure; rerun with
 * {@code -Dmonoid.laws.seed=<seed>} to reproduce. Configure fluently, then call the checks:
 *
 * <pre>{@code
 * MonoidLaws.of(monoid, monoid::add, random -> randomValues(random))
 *         .equivalence(Equivalence.equalBytes(monoid::serialize))
 *         .serialization(monoid::serialize, monoid::deserialize)
 *         .commutative()
 *         .dynamicTests();
 * }</pre>
 *
 * @param <T> the state type
 * @param <I> the input type (one event or one value)
 */
public final class MonoidLaws<T, I> {

    /** System property that overrides the seed. */
    public static final String SEED_PROPERTY = "monoid.laws.seed";
    /** The seed when the property is absent: fixed, so sketch error bounds are checked reproducibly. */
    public static final long DEFAULT_SEED = 20_261_124L;

    /** Decides whether two states stand for the same value; throws AssertionError if not. */
    @FunctionalInterface
    public interface Equivalence<T> {
        void check(T expected, T actual, String context);

        /** Same serialized bytes: the strictest equivalence, for exact metrics. */
        static <T> Equivalence<T> equalBytes(Function<? super T, byte[]> serialize) {
            return (expected, actual, context) -> assertThat(serialize.apply(actual))
                    .as("%s: %s equivalent to %s", context, actual, expected)
                    .isEqualTo(serialize.apply(expected));
        }

        /** Equal projections, e.g. the query result, or the exact invariants of a sketch. */
        static <T> Equivalence<T> equalBy(Function<? super T, ?> view) {
            return (expected, actual, context) -> assertThat((Object) view.apply(actual))
                    .as("%s: %s equivalent to %s", context, actual, expected)
                    .isEqualTo(view.apply(expected));
        }

        /** Projections within {@code absolute + relative × max(|a|, |b|)} of each other. */
        static <T> Equivalence<T> closeBy(ToDoubleFunction<? super T> view, double relative, double absolute) {
            return (expected, actual, context) -> {
                double a = view.applyAsDouble(expected);
                double b = view.applyAsDouble(actual);
                double tolerance = absolute + relative * Math.max(Math.abs(a), Math.abs(b));
                assertThat(Math.abs(a - b))
                        .as("%s: %s (%s) within %s of %s (%s)", context, b, actual, tolerance, a, expected)
                        .isLessThanOrEqualTo(tolerance);
            };
        }

        /** Both equivalences hold. */
        default Equivalence<T> and(Equivalence<T> other) {
            return (expected, actual, context) -> {
                check(expected, actual, context);
                other.check(expected, actual, context);
            };
        }
    }

    /** Checks a state against the exact answer of all inputs it has absorbed; throws AssertionError if off. */
    @FunctionalInterface
    public interface Accuracy<T, I> {
        void check(List<I> inputs, T state, String context);
    }

    private final Monoid<T> monoid;
    private final BiFunction<T, I, T> add;
    private final Function<Random, List<I>> inputs;
    private Equivalence<T> equivalence = (expected, actual, context) ->
            assertThat(actual).as(context).isEqualTo(expected);
    private @Nullable Accuracy<T, I> accuracy;
    private @Nullable Function<T, byte[]> serialize;
    private @Nullable Function<byte[], T> deserialize;
    private boolean commutative;
    private int cases = 300;
    private long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    private LongConsumer reseed = s -> { };

    private MonoidLaws(Monoid<T> monoid, BiFunction<T, I, T> add, Function<Random, List<I>> inputs) {
        this.monoid = Objects.requireNonNull(monoid, "monoid");
        this.add = Objects.requireNonNull(add, "add");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    /**
     * Laws for {@code monoid}, whose states are built by folding {@code inputs} with {@code add}.
     *
     * @param add adds one input to a state (may update it in place and return it)
     * @param inputs a random input list per call; vary its length, including empty
     */
    public static <T, I> MonoidLaws<T, I> of(Monoid<T> monoid, BiFunction<T, I, T> add,
            Function<Random, List<I>> inputs) {
        return new MonoidLaws<>(monoid, add, inputs);
    }

    /** How two states are compared; default {@code equals}. */
    public MonoidLaws<T, I> equivalence(Equivalence<T> equivalence) {
        this.equivalence = Objects.requireNonNull(equivalence);
        return this;
    }

    /** Also check every compared state against the exact answer of its inputs. */
    public MonoidLaws<T, I> accuracy(Accuracy<T, I> accuracy) {
        this.accuracy = Objects.requireNonNull(accuracy);
        return this;
    }

    /** The byte form; enables the round-trip law and byte snapshots in the no-mutation law. */
    public MonoidLaws<T, I> serialization(Function<T, byte[]> serialize, Function<byte[], T> deserialize) {
        this.serialize = Objects.requireNonNull(serialize);
        this.deserialize = Objects.requireNonNull(deserialize);
        return this;
    }

    /** The monoid claims {@code combine(a, b) ≡ combine(b, a)}; enables that law. */
    public MonoidLaws<T, I> commutative() {
        this.commutative = true;
        return this;
    }

    /** Random cases per law; default 300. */
    public MonoidLaws<T, I> cases(int cases) {
        if (cases < 1) {
            throw new IllegalArgumentException("cases must be positive");
        }
        this.cases = cases;
        return this;
    }

    /** The seed; default {@link #DEFAULT_SEED} or the {@value #SEED_PROPERTY} system property. */
    public MonoidLaws<T, I> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Called with the seed before each law, to seed randomness inside the monoid (e.g. a sketch's). */
    public MonoidLaws<T, I> reseeding(LongConsumer reseed) {
        this.reseed = Objects.requireNonNull(reseed);
        return this;
    }

    /** The configured seed, for messages. */
    public long seed() {
        return seed;
    }

    /** One dynamic test per applicable law. */
    public Stream<DynamicTest> dynamicTests() {
        return laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), law.check()::run));
    }

    /** Every law that applies, in order; stops at the first failure. */
    public void checkAll() {
        laws().forEach(law -> law.check().run());
    }

    private record Law(String name, Runnable check) {
    }

    private List<Law> laws() {
        List<Law> laws = new ArrayList<>();
        laws.add(new Law("empty is an identity on both sides", this::checkIdentity));
        laws.add(new Law("combine is associative", this::checkAssociativity));
        if (commutative) {
            laws.add(new Law("combine is commutative", this::checkCommutativity));
        }
        laws.add(new Law("merging parts equals aggregating the whole", this::checkMergeOfParts));
        laws.add(new Law("combine leaves its arguments unchanged", this::checkCombineLeavesArgumentsUnchanged));
        if (serialize != null) {
            laws.add(new Law("serialization round trip keeps the state", this::checkSerializationRoundTrip));
        }
        laws.add(new Law("add is accurate", this::checkAddAccuracy));
        return laws;
    }

    /** Folding inputs gives a state that the accuracy check (if any) accepts; equivalence is reflexive. */
    public void checkAddAccuracy() {
        run("add accuracy", (random, context) -> {
            List<I> in = inputs.apply(random);
            T state = fold(in);
            equivalence.check(state, state, context);
            verifyAccuracy(in, state, context);
        });
    }

    /** {@code combine(empty, x) ≡ x ≡ combine(x, empty)}. */
    public void checkIdentity() {
        run("identity", (random, context) -> {
            List<I> in = inputs.apply(random);
            T x = fold(in);
            T left = monoid.combine(monoid.empty(), x);
            T right = monoid.combine(x, monoid.empty());
            equivalence.check(x, left, context + ", combine(empty, x)");
            equivalence.check(x, right, context + ", combine(x, empty)");
            verifyAccuracy(in, left, context + ", combine(empty, x)");
            verifyAccuracy(in, right, context + ", combine(x, empty)");
        });
    }

    /** {@code combine(combine(a, b), c) ≡ combine(a, combine(b, c))}. */
    public void checkAssociativity() {
        run("associativity", (random, context) -> {
            List<I> a = inputs.apply(random);
            List<I> b = inputs.apply(random);
            List<I> c = inputs.apply(random);
            T leftFirst = monoid.combine(monoid.combine(fold(a), fold(b)), fold(c));
            T rightFirst = monoid.combine(fold(a), monoid.combine(fold(b), fold(c)));
            equivalence.check(leftFirst, rightFirst, context);
            List<I> all = concat(List.of(a, b, c));
            verifyAccuracy(all, leftFirst, context + ", (a+b)+c");
            verifyAccuracy(all, rightFirst, context + ", a+(b+c)");
        });
    }

    /** {@code combine(a, b) ≡ combine(b, a)}. */
    public void checkCommutativity() {
        if (!commutative) {
            throw new IllegalStateException("The monoid does not claim commutativity");
        }
        run("commutativity", (random, context) -> {
            List<I> a = inputs.apply(random);
            List<I> b = inputs.apply(random);
            T ab = monoid.combine(fold(a), fold(b));
            T ba = monoid.combine(fold(b), fold(a));
            equivalence.check(ab, ba, context);
            verifyAccuracy(concat(List.of(a, b)), ab, context + ", a+b");
            verifyAccuracy(concat(List.of(b, a)), ba, context + ", b+a");
        });
    }

    /**
     * Cutting an input into 1..6 parts (some possibly empty), folding each and combining the parts
     * (in a shuffled order when commutative) is equivalent to folding the whole input.
     */
    public void checkMergeOfParts() {
        run("merge of parts", (random, context) -> {
            List<I> whole = concat(List.of(inputs.apply(random), inputs.apply(random), inputs.apply(random)));
            List<List<I>> parts = split(whole, 1 + random.nextInt(6), random);
            List<List<I>> order = new ArrayList<>(parts);
            if (commutative) {
                Collections.shuffle(order, random);
            }
            T merged = monoid.empty();
            for (List<I> part : order) {
                merged = monoid.combine(merged, fold(part));
            }
            String where = context + ", " + parts.size() + " parts of " + whole.size() + " inputs";
            equivalence.check(fold(whole), merged, where);
            verifyAccuracy(whole, merged, where);
        });
    }

    /**
     * combine changes neither argument, and its result shares nothing mutable with them: adding to the
     * result afterwards leaves the arguments as they were (also when one argument is empty).
     */
    public void checkCombineLeavesArgumentsUnchanged() {
        run("combine leaves arguments unchanged", (random, context) -> {
            List<I> inA = inputs.apply(random);
            List<I> inB = random.nextInt(4) == 0 ? List.of() : inputs.apply(random);
            List<I> more = inputs.apply(random);
            T a = fold(inA);
            T b = fold(inB);
            Snapshot before = new Snapshot(a, b);
            T result = monoid.combine(a, b);
            before.verifyUnchanged(a, b, inA, inB, context + ", after combine");
            for (I input : more) {
                result = add.apply(result, input);
            }
            before.verifyUnchanged(a, b, inA, inB, context + ", after adding to the result");
            // accuracy checks come last: reading an answer may reorganize a sketch (KLL sorts its buffer)
            verifyAccuracy(inA, a, context + ", left argument");
            verifyAccuracy(inB, b, context + ", right argument");
            verifyAccuracy(concat(List.of(inA, inB, more)), result, context + ", result");
        });
    }

    /** {@code deserialize(serialize(x)) ≡ x}, and the copy keeps accumulating like the original. */
    public void checkSerializationRoundTrip() {
        Function<T, byte[]> ser = Objects.requireNonNull(serialize, "serialization() not configured");
        Function<byte[], T> de = Objects.requireNonNull(deserialize);
        run("serialization round trip", (random, context) -> {
            List<I> in = inputs.apply(random);
            List<I> more = inputs.apply(random);
            T original = fold(in);
            T copy = de.apply(ser.apply(original));
            equivalence.check(original, copy, context);
            verifyAccuracy(in, copy, context + ", copy");
            for (I input : more) {
                original = add.apply(original, input);
                copy = add.apply(copy, input);
            }
            equivalence.check(original, copy, context + ", after adding to both");
            verifyAccuracy(concat(List.of(in, more)), copy, context + ", copy after adding");
        });
    }

    private interface Case {
        void run(Random random, String context);
    }

    private void run(String law, Case body) {
        reseed.accept(seed);
        Random random = new Random(seed);
        for (int i = 0; i < cases; i++) {
            body.run(random, String.format("%s, case %d of %d, seed %d (rerun with -D%s=%d)",
                    law, i + 1, cases, seed, SEED_PROPERTY, seed));
        }
    }

    private T fold(List<I> in) {
        T state = monoid.empty();
        for (I input : in) {
            state = add.apply(state, input);
        }
        return state;
    }

    private void verifyAccuracy(List<I> in, T state, String context) {
        if (accuracy != null) {
            accuracy.check(in, state, context);
        }
    }

    private static <I> List<I> concat(List<List<I>> lists) {
        List<I> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }

    private static <I> List<List<I>> split(List<I> whole, int parts, Random random) {
        int[] cuts = new int[parts + 1];
        cuts[parts] = whole.size();
        for (int i = 1; i < parts; i++) {
            cuts[i] = random.nextInt(whole.size() + 1);
        }
        Arrays.sort(cuts);
        List<List<I>> result = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            result.add(whole.subList(cuts[i], cuts[i + 1]));
        }
        return result;
    }

    /** What a and b looked like: their bytes when serializable, otherwise a rebuild from their inputs. */
    private final class Snapshot {
        private final byte @Nullable [] a;
        private final byte @Nullable [] b;

        Snapshot(T a, T b) {
            this.a = serialize == null ? null : serialize.apply(a);
            this.b = serialize == null ? null : serialize.apply(b);
        }

        void verifyUnchanged(T a, T b, List<I> inA, List<I> inB, String context) {
            if (serialize != null) {
                assertThat(serialize.apply(a)).as("%s: left argument %s", context, a).isEqualTo(this.a);
                assertThat(serialize.apply(b)).as("%s: right argument %s", context, b).isEqualTo(this.b);
            } else {
                equivalence.check(fold(inA), a, context + ", left argument");
                equivalence.check(fold(inB), b, context + ", right argument");
            }
        }
    }
}
