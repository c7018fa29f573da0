package io.lambda.test;

import static io.lambda.test.LawCases.concat;
import static io.lambda.test.LawCases.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.lambda.core.metric.Monoid;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the monoid laws, for one configuration of {@link MonoidLaws}: each builds states by
 * folding random inputs, compares the two sides with the {@link Equivalence} and holds every state to
 * the {@link Accuracy} check, if any.
 */
final class LawChecks<T, I> {

    private final Monoid<T> monoid;
    private final BiFunction<T, I, T> add;
    private final Function<Random, List<I>> inputs;
    private final Equivalence<T> equivalence;
    private final @Nullable Accuracy<T, I> accuracy;
    private final @Nullable Function<T, byte[]> serialize;
    private final @Nullable Function<byte[], T> deserialize;
    private final boolean commutative;
    private final LawCases cases;

    LawChecks(Monoid<T> monoid, BiFunction<T, I, T> add, Function<Random, List<I>> inputs,
            Equivalence<T> equivalence, @Nullable Accuracy<T, I> accuracy,
            @Nullable Function<T, byte[]> serialize, @Nullable Function<byte[], T> deserialize,
            boolean commutative, LawCases cases) {
        this.monoid = monoid;
        this.add = add;
        this.inputs = inputs;
        this.equivalence = equivalence;
        this.accuracy = accuracy;
        this.serialize = serialize;
        this.deserialize = deserialize;
        this.commutative = commutative;
        this.cases = cases;
    }

    void checkAddAccuracy() {
        cases.run("add accuracy", (random, context) -> {
            List<I> in = inputs.apply(random);
            T state = fold(in);
            equivalence.check(state, state, context);
            verifyAccuracy(in, state, context);
        });
    }

    void checkIdentity() {
        cases.run("identity", (random, context) -> {
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

    void checkAssociativity() {
        cases.run("associativity", (random, context) -> {
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

    void checkCommutativity() {
        if (!commutative) {
            throw new IllegalStateException("The monoid does not claim commutativity");
        }
        cases.run("commutativity", (random, context) -> {
            List<I> a = inputs.apply(random);
            List<I> b = inputs.apply(random);
            T ab = monoid.combine(fold(a), fold(b));
            T ba = monoid.combine(fold(b), fold(a));
            equivalence.check(ab, ba, context);
            verifyAccuracy(concat(List.of(a, b)), ab, context + ", a+b");
            verifyAccuracy(concat(List.of(b, a)), ba, context + ", b+a");
        });
    }

    void checkMergeOfParts() {
        cases.run("merge of parts", (random, context) -> {
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

    void checkCombineLeavesArgumentsUnchanged() {
        cases.run("combine leaves arguments unchanged", (random, context) -> {
            List<I> inA = inputs.apply(random);
            List<I> inB = random.nextInt(4) == 0 ? List.of() : inputs.apply(random);
            List<I> more = inputs.apply(random);
            T a = fold(inA);
            T b = fold(inB);
            ArgumentSnapshot<T, I> before = new ArgumentSnapshot<>(a, b, serialize, equivalence, this::fold);
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

    void checkSerializationRoundTrip() {
        Function<T, byte[]> ser = Objects.requireNonNull(serialize, "serialization() not configured");
        Function<byte[], T> de = Objects.requireNonNull(deserialize);
        cases.run("serialization round trip", (random, context) -> {
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
}
