package io.lambda.core.metric;

/**
 * Size parameters of the sketch-backed metrics. They trade accuracy for memory; states written with
 * other settings still merge (the result takes the coarser of the two).
 *
 * @param distinctLgK log2 of the HyperLogLog register count, 4..21; RSE is about 1.04 / sqrt(2^lgK)
 *     (1.6 % at the default 12)
 * @param quantilesK the KLL accuracy parameter k, 8..65535; rank error about 1.65 % at the default 200
 * @param topMaxMapSize the frequent-items map size, a power of two of at least 8; it tracks up to
 *     0.75 × this many values at a time
 */
public record SketchSettings(int distinctLgK, int quantilesK, int topMaxMapSize) {

    /** lgK 12, k 200, map size 64. */
    public static final SketchSettings DEFAULTS = new SketchSettings(12, 200, 64);

    public SketchSettings {
        if (distinctLgK < 4 || distinctLgK > 21) {
            throw new IllegalArgumentException("distinctLgK must be in 4..21 but was " + distinctLgK);
        }
        if (quantilesK < 8 || quantilesK > 65535) {
            throw new IllegalArgumentException("quantilesK must be in 8..65535 but was " + quantilesK);
        }
        if (topMaxMapSize < 8 || Integer.bitCount(topMaxMapSize) != 1) {
            throw new IllegalArgumentException("topMaxMapSize must be a power of two >= 8 but was " + topMaxMapSize);
        }
    }
}
