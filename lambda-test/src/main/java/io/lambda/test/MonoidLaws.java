package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongConsumer;
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
        checks().checkAddAccuracy();
    }

    /** {@code combine(empty, x) ≡ x ≡ combine(x, empty)}. */
    public void checkIdentity() {
        checks().checkIdentity();
    }

    /** {@code combine(combine(a, b), c) ≡ combine(a, combine(b, c))}. */
    public void checkAssociativity() {
        checks().checkAssociativity();
    }

    /** {@code combine(a, b) ≡ combine(b, a)}; throws IllegalStateException unless {@link #commutative()}. */
    public void checkCommutativity() {
        checks().checkCommutativity();
    }

    /**
     * Cutting an input into 1..6 parts (some possibly empty), folding each and combining the parts
     * (in a shuffled order when commutative) is equivalent to folding the whole input.
     */
    public void checkMergeOfParts() {
        checks().checkMergeOfParts();
    }

    /**
     * combine changes neither argument, and its result shares nothing mutable with them: adding to the
     * result afterwards leaves the arguments as they were (also when one argument is empty).
     */
    public void checkCombineLeavesArgumentsUnchanged() {
        checks().checkCombineLeavesArgumentsUnchanged();
    }

    /** {@code deserialize(serialize(x)) ≡ x}, and the copy keeps accumulating like the original. */
    public void checkSerializationRoundTrip() {
        checks().checkSerializationRoundTrip();
    }

    /** The checks with the configuration as it is now. */
    private LawChecks<T, I> checks() {
        return new LawChecks<>(monoid, add, inputs, equivalence, accuracy, serialize, deserialize, commutative,
                new LawCases(cases, seed, reseed));
    }
}
