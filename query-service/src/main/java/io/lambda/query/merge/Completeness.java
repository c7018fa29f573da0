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
 * @param complete       {@code speedLag == 0} and nothing missing before a speed floor
 * @param pendingVersion a newer version still being computed, or null
 * @param missingBefore  the highest speed floor above {@code boundary} (any floor when there is no boundary), or null:
 *                       the speed layer no longer holds the slots before it and the batch view does not reach it
 *                       (Redis lost the batch view; until the batch layer republishes, events before it are missing)
 */
public record Completeness(@Nullable Instant boundary, long speedLag, boolean complete,
        @Nullable String pendingVersion, @Nullable Instant missingBefore) {

    public static Completeness of(@Nullable Instant boundary, long speedLag, @Nullable Instant missingBefore,
            @Nullable String pendingVersion) {
        return new Completeness(boundary, speedLag, speedLag == 0 && missingBefore == null, pendingVersion,
                missingBefore);
    }
}
