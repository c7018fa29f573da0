package io.lambda.core.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** Random attribute values for the law tests: lengths vary from empty to long, values by kind. */
final class RandomInputs {

    private RandomInputs() {
    }

    /** A list of {@code value}s whose length is 0 with some weight, usually short, sometimes long. */
    static List<@Nullable Object> listOf(Random random, int longLength, Function<Random, @Nullable Object> value) {
        int roll = random.nextInt(10);
        int length = roll == 0 ? 0 : roll < 7 ? random.nextInt(20) : random.nextInt(longLength + 1);
        List<@Nullable Object> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(value.apply(random));
        }
        return values;
    }

    /** Integral numbers of every Java type and magnitude, including values near the long limits. */
    static Object integral(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> (long) random.nextInt(1000);
            case 1 -> -(long) random.nextInt(1_000_000);
            case 2 -> random.nextLong();
            case 3 -> random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(10) : Long.MIN_VALUE + random.nextInt(10);
            case 4 -> random.nextInt(100);
            default -> (short) random.nextInt(100);
        };
    }

    /** Integral numbers, doubles of both signs and very different magnitudes, and values numeric metrics must ignore. */
    static @Nullable Object mixed(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> (long) (random.nextInt(2_000_001) - 1_000_000);
            case 3, 4 -> (random.nextDouble() - 0.5) * 2000.0;
            case 5 -> (random.nextDouble() - 0.5) * 1e16;
            case 6 -> random.nextGaussian() * 1e-3;
            case 7 -> random.nextInt(50);
            case 8 -> ignored(random);
            default -> random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
        };
    }

    /** Values a numeric metric skips: missing, text (even numeric-looking), booleans. */
    static @Nullable Object ignored(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "42";
            case 2 -> Boolean.TRUE;
            default -> "n/a";
        };
    }

    /** Whether a numeric metric takes this value. */
    static boolean isNumeric(@Nullable Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue());
    }
}
