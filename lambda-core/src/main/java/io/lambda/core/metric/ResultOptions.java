package io.lambda.core.metric;

/**
 * Query-time choices for turning a metric state into an answer.
 *
 * @param q the rank for {@link MetricKind#QUANTILES}, in {@code [0, 1]}; 0.5 is the median
 * @param topLimit the most values a {@link MetricKind#TOP} answer lists, at least 1
 */
public record ResultOptions(double q, int topLimit) {

    /** The median and ten top values. */
    public static final ResultOptions DEFAULTS = new ResultOptions(0.5, 10);

    public ResultOptions {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q must be in [0, 1] but was " + q);
        }
        if (topLimit < 1) {
            throw new IllegalArgumentException("topLimit must be at least 1 but was " + topLimit);
        }
    }

    /** These options with another rank. */
    public ResultOptions withQ(double q) {
        return new ResultOptions(q, topLimit);
    }

    /** These options with another top limit. */
    public ResultOptions withTopLimit(int topLimit) {
        return new ResultOptions(q, topLimit);
    }
}
