package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/**
 * Minimum or maximum of a numeric field, as a double. The empty state holds +∞ (min) or −∞ (max),
 * which no input can reach because non-finite inputs are ignored.
 *
 * <p>Format v1: tag ({@code 0x31} min, {@code 0x41} max), then nothing when empty or the value as
 * 8 bytes IEEE 754 big-endian.
 */
final class ExtremumMonoid implements MetricMonoid<ExtremumMonoid.Extremum> {

    static final int MIN_TAG = 0x31;
    static final int MAX_TAG = 0x41;

    /** A mutable running minimum or maximum. */
    static final class Extremum {
        double value;

        Extremum(double value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return "Extremum[" + value + "]";
        }
    }

    private final boolean max;
    private final double identity;

    private ExtremumMonoid(boolean max) {
        this.max = max;
        this.identity = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    static ExtremumMonoid min() {
        return new ExtremumMonoid(false);
    }

    static ExtremumMonoid max() {
        return new ExtremumMonoid(true);
    }

    @Override
    public MetricKind kind() {
        return max ? MetricKind.MAX : MetricKind.MIN;
    }

    @Override
    public Extremum empty() {
        return new Extremum(identity);
    }

    @Override
    public Extremum add(Extremum state, @Nullable Object value) {
        double x = NumericValue.toDouble(value);
        if (!Double.isNaN(x)) {
            state.value = pick(state.value, x);
        }
        return state;
    }

    @Override
    public Extremum combine(Extremum left, Extremum right) {
        return new Extremum(pick(left.value, right.value));
    }

    @Override
    public byte[] serialize(Extremum state) {
        StateWriter writer = new StateWriter(9).writeByte(tag());
        if (state.value != identity) {
            writer.writeDouble(state.value);
        }
        return writer.toByteArray();
    }

    @Override
    public Extremum deserialize(byte[] bytes) {
        StateReader reader = StateReader.expectingTag(bytes, tag(), kind().id());
        if (bytes.length == 1) {
            return empty();
        }
        double value = reader.readDouble();
        reader.expectEnd();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Corrupt " + kind().id() + " state: " + value);
        }
        return new Extremum(value);
    }

    @Override
    public @Nullable Double result(Extremum state, ResultOptions options) {
        return state.value == identity ? null : state.value;
    }

    private double pick(double a, double b) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }

    private int tag() {
        return max ? MAX_TAG : MIN_TAG;
    }
}
