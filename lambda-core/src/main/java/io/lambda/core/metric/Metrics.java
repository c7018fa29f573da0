package io.lambda.core.metric;

/**
 * Creates the monoid of each metric kind.
 *
 * <p>The state type differs per kind, so the result is {@code MetricMonoid<?>}; code that drives one
 * directly captures it with a generic helper, e.g.
 * {@code static <S> S fold(MetricMonoid<S> m, List<?> values)}. Views use {@link AggregateMonoid}.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The monoid for {@code spec}'s kind, with {@link SketchSettings#DEFAULTS}. */
    public static MetricMonoid<?> monoidFor(MetricSpec spec) {
        return monoidFor(spec.kind(), SketchSettings.DEFAULTS);
    }

    /** The monoid for {@code kind}; {@code settings} sizes the sketch-backed kinds. */
    public static MetricMonoid<?> monoidFor(MetricKind kind, SketchSettings settings) {
        return switch (kind) {
            case COUNT -> new CountMonoid();
            case SUM -> new SumMonoid();
            case MIN -> ExtremumMonoid.min();
            case MAX -> ExtremumMonoid.max();
            case AVG -> new AvgMonoid();
            case DISTINCT -> new DistinctMonoid(settings.distinctLgK());
            case QUANTILES -> new QuantilesMonoid(settings.quantilesK());
            case TOP -> new TopMonoid(settings.topMaxMapSize());
        };
    }
}
