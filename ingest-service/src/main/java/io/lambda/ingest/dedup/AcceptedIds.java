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
        public Lookup lookUp(List<String> ids) {
            return Set::of;
        }

        @Override
        public void remember(List<String> ids) {
        }
    };

    /**
     * Starts finding which of {@code ids} were accepted within the dedup window, without waiting for the answer, so
     * the caller can do other work meanwhile.
     */
    Lookup lookUp(List<String> ids);

    /** The ids among {@code ids} accepted within the dedup window (as far as known): {@link #lookUp} and wait. */
    default Set<String> seen(List<String> ids) {
        return lookUp(ids).seen();
    }

    /** Records {@code ids} as accepted now (after the broker acknowledged them). */
    void remember(List<String> ids);

    /** A lookup under way. */
    @FunctionalInterface
    interface Lookup {

        /** A lookup that could not ask the dedup store: nothing found, nothing checked. */
        Lookup UNCHECKED = new Lookup() {
            @Override
            public Set<String> seen() {
                return Set.of();
            }

            @Override
            public boolean checked() {
                return false;
            }
        };

        /** The ids found; waits for them at most until the lookup's deadline, then counts every id as unseen. */
        Set<String> seen();

        /**
         * Whether the dedup store answered, so ids not {@link #seen()} really are unseen (call after {@link #seen()}).
         * False when it did not answer in time or could not be asked: the ids are written unchecked.
         */
        default boolean checked() {
            return true;
        }
    }
}
