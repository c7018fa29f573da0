package io.lambda.ingest.dedup;

import java.util.List;
import java.util.Set;

/**
 * Which event ids were accepted recently, so a repeat is reported as a duplicate instead of written again.
 * {@link RecentIds} keeps them in Redis; {@link #NONE} keeps nothing ({@code lambda.ingest.dedup-enabled=false}).
 */
public interface AcceptedIds {

    /** Remembers nothing: every id counts as unseen, so every valid event is written. */
    AcceptedIds NONE = new AcceptedIds() {

        @Override
        public Set<String> seen(List<String> ids) {
            return Set.of();
        }

        @Override
        public void remember(List<String> ids) {
        }
    };

    /** The ids among {@code ids} accepted within the dedup window (as far as known). */
    Set<String> seen(List<String> ids);

    /** Records {@code ids} as accepted now (after the broker acknowledged them). */
    void remember(List<String> ids);
}
