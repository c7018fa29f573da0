package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/**
 * Sums a numeric field: exact (a Long) while every input is integral, a Double once any input is
 * not. Format v1: tag {@code 0x21}, then the {@link SumAccumulator} form.
 */
final class SumMonoid implements MetricMonoid<SumAccumulator> {

    static final int TAG = 0x21;

    @Override
    public MetricKind kind() {
        return MetricKind.SUM;
    }

    @Override
    public SumAccumulator empty() {
        return new SumAccumulator();
    }

    @Override
    public SumAccumulator add(SumAccumulator state, @Nullable Object value) {
        addNumber(state, value);
        return state;
    }

    /** Adds a numeric value to an accumulator; ignores anything else. Shared with avg. */
    static boolean addNumber(SumAccumulator state, @Nullable Object value) {
        if (NumericValue.isIntegral(value)) {
            state.addLong(((Number) value).longValue());
            return true;
        }
        double x = NumericValue.toDouble(value);
        if (Double.isNaN(x)) {
            return false;
        }
        state.addDouble(x);
        return true;
    }

    @Override
    public SumAccumulator combine(SumAccumulator left, SumAccumulator right) {
        return SumAccumulator.sumOf(left, right);
    }

    @Override
    public byte[] serialize(SumAccumulator state) {
        StateWriter writer = new StateWriter(32).writeByte(TAG);
        state.writeTo(writer);
        return writer.toByteArray();
    }

    @Override
    public SumAccumulator deserialize(byte[] bytes) {
        StateReader reader = StateReader.expectingTag(bytes, TAG, "sum");
        SumAccumulator state = SumAccumulator.readFrom(reader);
        reader.expectEnd();
        return state;
    }

    @Override
    public Number result(SumAccumulator state, ResultOptions options) {
        return state.total();
    }
}
