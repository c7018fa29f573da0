package io.lambda.core.metric;

import java.lang.reflect.Field;
import java.util.Random;

import org.apache.datasketches.kll.KllSketch;

/**
 * KLL compaction flips coins with one static, unseeded {@code Random} inside DataSketches. Seeding it
 * makes a law run with a given seed repeatable, so a failure reproduces exactly.
 */
final class KllRandomness {

    private KllRandomness() {
    }

    static void seed(long seed) {
        try {
            Field field = KllSketch.class.getDeclaredField("random");
            field.setAccessible(true);
            ((Random) field.get(null)).setSeed(seed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DataSketches changed how KLL draws random bits", e);
        }
    }
}
