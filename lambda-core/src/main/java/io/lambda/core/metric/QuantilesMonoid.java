package io.lambda.core.metric;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;

/**
 * Distribution of a numeric field: a DataSketches KLL doubles sketch. The answer is the value at
 * rank {@code q} (inclusive: the smallest value whose normalized rank is at least {@code q}); its rank
 * is within {@code getNormalizedRankError(false)} of {@code q} with 99 % confidence, and exact while
 * the sketch holds fewer than k values.
 *
 * <p>Format v1: tag {@code 0x71}, then the sketch's compact serialization.
 */
final class QuantilesMonoid implements MetricMonoid<KllDoublesSketch> {

    static final int TAG = 0x71;

    private final int k;

    QuantilesMonoid(int k) {
        this.k = k;
    }

    @Override
    public MetricKind kind() {
        return MetricKind.QUANTILES;
    }

    @Override
    public KllDoublesSketch empty() {
        return KllDoublesSketch.newHeapInstance(k);
    }

    @Override
    public KllDoublesSketch add(KllDoublesSketch state, @Nullable Object value) {
        double x = NumericValue.toDouble(value);
        if (!Double.isNaN(x)) {
            state.update(x);
        }
        return state;
    }

    @Override
    public KllDoublesSketch combine(KllDoublesSketch left, KllDoublesSketch right) {
        KllDoublesSketch result = KllDoublesSketch.newHeapInstance(Math.min(left.getK(), right.getK()));
        result.merge(left);
        result.merge(right);
        return result;
    }

    @Override
    public byte[] serialize(KllDoublesSketch state) {
        return StateWriter.tagged(TAG, state.toByteArray());
    }

    @Override
    public KllDoublesSketch deserialize(byte[] bytes) {
        return StateReader.sketch(bytes, TAG, "quantiles", KllDoublesSketch::heapify);
    }

    @Override
    public @Nullable Double result(KllDoublesSketch state, ResultOptions options) {
        return state.isEmpty() ? null : state.getQuantile(options.q(), QuantileSearchCriteria.INCLUSIVE);
    }
}
