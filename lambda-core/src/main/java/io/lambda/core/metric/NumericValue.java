package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/** How numeric metrics read an attribute value, without boxing or allocating. */
final class NumericValue {

    private NumericValue() {
    }

    /** Whether the value is an integral Java number that sums exactly as a long. */
    static boolean isIntegral(@Nullable Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    /** The value as a double, or NaN for null, a non-number, or a non-finite number (all ignored). */
    static double toDouble(@Nullable Object value) {
        if (value instanceof Double d) {
            double x = d;
            return Double.isInfinite(x) ? Double.NaN : x;
        }
        if (value instanceof Long l) {
            return (double) l.longValue();
        }
        if (value instanceof Number n) {
            double x = n.doubleValue();
            return Double.isInfinite(x) ? Double.NaN : x;
        }
        return Double.NaN;
    }
}
