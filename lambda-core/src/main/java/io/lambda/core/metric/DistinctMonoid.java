package io.lambda.core.metric;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.jspecify.annotations.Nullable;

/**
 * Estimated distinct count of a field's string forms: a DataSketches HyperLogLog sketch in HLL_4
 * form (the most compact in Redis; exact-coupon list/set modes while the count is small). Relative
 * standard error about 1.04 / sqrt(2^lgK) once in estimation mode. The empty string is not counted
 * (the sketch ignores empty input).
 *
 * <p>Format v1: tag {@code 0x61}, then the sketch's compact serialization.
 */
final class DistinctMonoid implements MetricMonoid<HllSketch> {

    static final int TAG = 0x61;
    private static final TgtHllType TYPE = TgtHllType.HLL_4;

    private final int lgK;

    DistinctMonoid(int lgK) {
        this.lgK = lgK;
    }

    @Override
    public MetricKind kind() {
        return MetricKind.DISTINCT;
    }

    @Override
    public HllSketch empty() {
        return new HllSketch(lgK, TYPE);
    }

    @Override
    public HllSketch add(HllSketch state, @Nullable Object value) {
        String text = TextValue.of(value);
        if (text != null) {
            state.update(text);
        }
        return state;
    }

    @Override
    public HllSketch combine(HllSketch left, HllSketch right) {
        // a Union reads its inputs and builds its own gadget, so neither argument is touched
        Union union = new Union(Math.max(left.getLgConfigK(), right.getLgConfigK()));
        union.update(left);
        union.update(right);
        return union.getResult(TYPE);
    }

    @Override
    public byte[] serialize(HllSketch state) {
        return StateWriter.tagged(TAG, state.toCompactByteArray());
    }

    @Override
    public HllSketch deserialize(byte[] bytes) {
        return StateReader.sketch(bytes, TAG, "distinct", HllSketch::heapify);
    }

    @Override
    public Double result(HllSketch state, ResultOptions options) {
        return state.getEstimate();
    }
}
