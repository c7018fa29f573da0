package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/** Counts events. Format v1: tag {@code 0x11}, unsigned LEB128 count. */
final class CountMonoid implements MetricMonoid<CountMonoid.Count> {

    static final int TAG = 0x11;

    /** A mutable event count. */
    static final class Count {
        long value;

        Count(long value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return "Count[" + value + "]";
        }
    }

    @Override
    public MetricKind kind() {
        return MetricKind.COUNT;
    }

    @Override
    public Count empty() {
        return new Count(0);
    }

    @Override
    public Count add(Count state, @Nullable Object value) {
        state.value++;
        return state;
    }

    @Override
    public Count combine(Count left, Count right) {
        return new Count(left.value + right.value);
    }

    @Override
    public byte[] serialize(Count state) {
        return new StateWriter(11).writeByte(TAG).writeUnsignedVarLong(state.value).toByteArray();
    }

    @Override
    public Count deserialize(byte[] bytes) {
        StateReader reader = StateReader.expectingTag(bytes, TAG, "count");
        long value = reader.readUnsignedVarLong();
        reader.expectEnd();
        if (value < 0) {
            throw new IllegalArgumentException("Corrupt count state: " + Long.toUnsignedString(value));
        }
        return new Count(value);
    }

    @Override
    public Long result(Count state, ResultOptions options) {
        return state.value;
    }
}
