package io.lambda.core.version;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which versions of one view serve, wait and run (invariant 4).
 *
 * @param serving the version answers come from; null only when the view has no registered version
 * @param pending the newest version still being computed, newer than {@code serving}; null when none
 * @param active  the versions the speed layer computes: {@code serving} and every newer one, oldest first
 * @param retired the versions older than {@code serving}: no longer computed, removed after a grace period
 */
public record VersionChoice(@Nullable String serving, @Nullable String pending, List<String> active,
        List<String> retired) {

    public VersionChoice {
        active = List.copyOf(active);
        retired = List.copyOf(retired);
    }
}
