package io.lambda.core.version;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rule of invariant 4 as a pure function. A version is <em>ready</em> when its published batch boundary is at or
 * after the slot where the speed layer started computing it on every partition of the topic: then batch rows before
 * {@code T} and speed partials from {@code T} on cover every event. The version served is the newest ready one; when
 * none is ready (before the first batch run) the oldest registered version serves, because on a new platform the
 * speed layer computed it from the topic's beginning. Every version newer than the served one is pending (the newest
 * is reported) and keeps being computed; older ones are retired.
 */
public final class VersionSelection {

    private VersionSelection() {
    }

    /**
     * @param versionsOldestFirst the view's registered versions, in registration order
     * @param boundaries          the published batch boundary per version (absent: never published)
     * @param starts              per version, the slot where the speed layer started it, per partition
     * @param partitions          the topic's partition count
     */
    public static VersionChoice choose(List<String> versionsOldestFirst, Map<String, Instant> boundaries,
            Map<String, Map<Integer, Instant>> starts, int partitions) {
        if (versionsOldestFirst.isEmpty()) {
            return new VersionChoice(null, null, List.of(), List.of());
        }
        int serving = 0;
        for (int i = versionsOldestFirst.size() - 1; i >= 0; i--) {
            String version = versionsOldestFirst.get(i);
            if (isReady(boundaries.get(version), starts.getOrDefault(version, Map.of()), partitions)) {
                serving = i;
                break;
            }
        }
        List<String> active = versionsOldestFirst.subList(serving, versionsOldestFirst.size());
        String pending = serving == versionsOldestFirst.size() - 1 ? null
                : versionsOldestFirst.get(versionsOldestFirst.size() - 1);
        return new VersionChoice(versionsOldestFirst.get(serving), pending, active,
                versionsOldestFirst.subList(0, serving));
    }

    /** Whether a version's batch boundary covers the slot where speed started it on every partition. */
    public static boolean isReady(@Nullable Instant boundary, Map<Integer, Instant> startsByPartition, int partitions) {
        if (boundary == null) {
            return false;
        }
        for (int p = 0; p < partitions; p++) {
            Instant start = startsByPartition.get(p);
            if (start == null || boundary.isBefore(start)) {
                return false;
            }
        }
        return true;
    }
}
