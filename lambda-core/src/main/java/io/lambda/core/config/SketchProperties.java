package io.lambda.core.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lambda.core.metric.SketchSettings;

/**
 * The sketch sizes every layer binds ({@code lambda.sketches.*}), so speed and batch build identical sketches and
 * the query merges like with like. Binding fails with {@link SketchSettings}'s message on an invalid size.
 *
 * @param distinctLgK   HyperLogLog log2 register count (default 12: about 1.6 % relative standard error)
 * @param quantilesK    KLL accuracy parameter (default 200: about 1.65 % rank error)
 * @param topMaxMapSize frequent-items map size (default 256, a power of two: a count's error is at most
 *                      about 3.5 / 256 of the events of the group, under 1.4 %)
 */
@ConfigurationProperties("lambda.sketches")
public record SketchProperties(@DefaultValue("12") int distinctLgK, @DefaultValue("200") int quantilesK,
        @DefaultValue("256") int topMaxMapSize) {

    public SketchProperties {
        settings(distinctLgK, quantilesK, topMaxMapSize);
    }

    /** The settings of the monoids. */
    public SketchSettings settings() {
        return settings(distinctLgK, quantilesK, topMaxMapSize);
    }

    private static SketchSettings settings(int distinctLgK, int quantilesK, int topMaxMapSize) {
        return new SketchSettings(distinctLgK, quantilesK, topMaxMapSize);
    }
}
