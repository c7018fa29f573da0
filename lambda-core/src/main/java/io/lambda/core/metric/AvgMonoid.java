package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/**
 * Mean of a numeric field: a {@link SumAccumulator} plus the number of numeric values seen (events
 * without a numeric value don't dilute the mean). Format v1: tag {@code 0x51}, unsigned LEB128 count,
 * then the {@link SumAccumulator} form.
 */
final class AvgMonoid implements MetricMonoid<AvgMonoid.Mean> {

    static final int TAG = 0x51;

    /** A mutable sum and count. */
    static final class Mean {
        final SumAccumulator sum;
        long count;

        Mean(SumAccumulator sum, long count) {
            this.sum = sum;
            this.count = count;
        }

        @Override
        public String toString() {
            return "Mean[" + sum + " / " + count + "]";
        }
    }

    @Override
    public MetricKind kind() {
        return MetricKind.AVG;
    }

    @Override
    public Mean empty() {
        return new Mean(new SumAccumulator(), 0);
    }

    @Override
    public Mean add(Mean state, @Nullable Object value) {
        if (SumMonoid.addNumber(state.sum, value)) {
            state.count++;
        }
        return state;
    }

    @Override
    public Mean combine(Mean left, Mean right) {
        return new Mean(SumAccumulator.sumOf(left.sum, right.sum), left.count + right.count);
    }

    @Override
    public byte[] serialize(Mean state) {
        StateWriter writer = new StateWriter(40).writeByte(TAG).writeUnsignedVarLong(state.count);
        state.sum.writeTo(writer);
        return writer.toByteArray();
    }

    @Override
    public Mean deserialize(byte[] bytes) {
        StateReader reader = StateReader.expectingTag(bytes, TAG, "avg");
        long count = reader.readUnsignedVarLong();
        SumAccumulator sum = SumAccumulator.readFrom(reader);
        reader.expectEnd();
        if (count < 0) {
            throw new IllegalArgumentException("Corrupt avg state: count " + Long.toUnsignedString(count));
        }
        return new Mean(sum, count);
    }

    @Override
    public @Nullable Double result(Mean state, ResultOptions options) {
        return state.count == 0 ? null : state.sum.asDouble() / state.count;
    }
}
