package io.lambda.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VersionSelectionTests {

    private static final Instant S1 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant S2 = Instant.parse("2026-11-24T10:05:00Z");
    private static final Instant S3 = Instant.parse("2026-11-24T10:10:00Z");

    /**
     * Two versions v1 (started at S1 on both partitions) and v2 (started at S2 on partition 0 and, when
     * {@code v2StartedEverywhere}, at S3 on partition 1), every combination of their pointers.
     */
    static Stream<Arguments> table() {
        return Stream.of(
                // v1 pointer, v2 pointer, v2 started on both partitions, serving, pending
                Arguments.of(null, null, true, "v1", "v2"),
                Arguments.of(S1, null, true, "v1", "v2"),
                Arguments.of(null, S2, true, "v1", "v2"),   // S2 < S3: v2 not yet covered on partition 1
                Arguments.of(null, S3, true, "v2", null),
                Arguments.of(S3, S3, true, "v2", null),
                Arguments.of(S3, S3, false, "v1", "v2"),  // v2 never started on partition 1
                Arguments.of(S3, null, false, "v1", "v2"),
                Arguments.of(null, null, false, "v1", "v2"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void shouldServeTheNewestVersionWhoseBoundaryCoversItsStartOnEveryPartition(@Nullable Instant v1Pointer,
            @Nullable Instant v2Pointer, boolean v2StartedEverywhere, String serving, @Nullable String pending) {
        Map<String, Instant> pointers = new HashMap<>();
        if (v1Pointer != null) {
            pointers.put("v1", v1Pointer);
        }
        if (v2Pointer != null) {
            pointers.put("v2", v2Pointer);
        }
        Map<Integer, Instant> v2Starts = new HashMap<>(Map.of(0, S2));
        if (v2StartedEverywhere) {
            v2Starts.put(1, S3);
        }

        VersionChoice choice = VersionSelection.choose(List.of("v1", "v2"), pointers,
                Map.of("v1", Map.of(0, S1, 1, S1), "v2", v2Starts), 2);

        assertThat(choice.serving()).isEqualTo(serving);
        assertThat(choice.pending()).isEqualTo(pending);
        assertThat(choice.active()).isEqualTo(serving.equals("v1") ? List.of("v1", "v2") : List.of("v2"));
        assertThat(choice.retired()).isEqualTo(serving.equals("v1") ? List.of() : List.of("v1"));
    }

    @Test
    void shouldServeTheOnlyVersionBeforeAndAfterItsFirstBatchRun() {
        for (Map<String, Instant> pointers : List.of(Map.<String, Instant>of(), Map.of("v1", S1))) {
            VersionChoice choice = VersionSelection.choose(List.of("v1"), pointers, Map.of(), 2);

            assertThat(choice).isEqualTo(new VersionChoice("v1", null, List.of("v1"), List.of()));
        }
    }

    @Test
    void shouldChooseNothingWithoutVersions() {
        assertThat(VersionSelection.choose(List.of(), Map.of(), Map.of(), 2))
                .isEqualTo(new VersionChoice(null, null, List.of(), List.of()));
    }
}
