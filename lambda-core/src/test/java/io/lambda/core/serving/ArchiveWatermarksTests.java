package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArchiveWatermarksTests {

    private static final Instant T = Instant.parse("2026-11-24T10:15:31.200Z");

    @Test
    void shouldKeepTheWatermarkKeyBesideTheOtherKeysUnderThePrefix() {
        assertThat(new ServingKeys("lambda:").archiveWatermark()).isEqualTo("lambda:archive:watermark");
        assertThat(new ServingKeys("t-1a2b3c4d:").archiveWatermark()).isEqualTo("t-1a2b3c4d:archive:watermark");
    }

    @Test
    void shouldWritePartitionFieldsAndEpochMillisValues() {
        assertThat(ArchiveWatermarks.field(3)).isEqualTo("3");
        assertThat(ArchiveWatermarks.value(T)).isEqualTo("1795515331200");
        assertThat(ArchiveWatermarks.decode(Map.of("3", "1795515331200"))).isEqualTo(Map.of(3, T));
    }

    @Test
    void shouldTakeTheMinimumOverAllPartitions() {
        Map<Integer, Instant> watermarks = Map.of(0, T, 1, T.minusSeconds(5), 2, T.plusSeconds(60));

        assertThat(ArchiveWatermarks.overall(watermarks, 3)).contains(T.minusSeconds(5));
    }

    @Test
    void shouldHaveNoWatermarkWhileAnyPartitionHasNeverPublished() {
        Map<Integer, Instant> watermarks = Map.of(0, T, 2, T);

        assertThat(ArchiveWatermarks.overall(watermarks, 3)).isEmpty();
        assertThat(ArchiveWatermarks.overallOfHash(Map.of(), 1)).isEmpty();
    }

    @Test
    void shouldIgnorePartitionsBeyondTheTopicsCount() {
        Map<Integer, Instant> watermarks = Map.of(0, T, 1, T, 7, T.minusSeconds(3600));

        assertThat(ArchiveWatermarks.overall(watermarks, 2)).contains(T);
    }

    @Test
    void shouldRejectEntriesOutsideTheFormat() {
        assertThatIllegalArgumentException().isThrownBy(() -> ArchiveWatermarks.decode(Map.of("p3", "1")))
                .withMessage("not an archive watermark entry: 'p3' -> '1'");
        assertThatIllegalArgumentException().isThrownBy(() -> ArchiveWatermarks.decode(Map.of("3", "2026-11-24T10:15Z")))
                .withMessage("not an archive watermark entry: '3' -> '2026-11-24T10:15Z'");
        assertThatIllegalArgumentException().isThrownBy(() -> ArchiveWatermarks.field(-1))
                .withMessage("partition must not be negative, got -1");
    }
}
