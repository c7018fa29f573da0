package io.lambda.query.merge;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The completeness envelope of an answer (API.md, DESIGN.md invariant 6).
 *
 * @param boundary       the batch boundary {@code T} the answer used, null before the first batch run
 * @param speedLag       events accepted before the query started that the speed layer had not flushed: per partition
 *                       the topic's end offset (read after the query arrived) minus the served version's flushed
 *                       position (read before its partials), the whole partition when none is flushed
 * @param complete       {@code speedLag == 0}
 * @param pendingVersion a newer version still being computed, or null
 */
public record Completeness(@Nullable Instant boundary, long speedLag, boolean complete,
        @Nullable String pendingVersion) {

    public static Completeness of(@Nullable Instant boundary, long speedLag, @Nullable String pendingVersion) {
        return new Completeness(boundary, speedLag, speedLag == 0, pendingVersion);
    }
}
