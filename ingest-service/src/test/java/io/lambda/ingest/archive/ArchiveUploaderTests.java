package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.lambda.core.store.ArchiveFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ArchiveUploaderTests {

    private static final Instant SLOT = Instant.parse("2026-11-24T10:15:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ArchiveMetrics metrics = new ArchiveMetrics(registry, Clock.systemUTC());
    private final List<ArchiveFile> stored = new CopyOnWriteArrayList<>();

    @Test
    void shouldStoreEveryFileAndCountIt() {
        try (ArchiveUploader uploader = new ArchiveUploader((file, bytes) -> stored.add(file), metrics, 4)) {
            uploader.store(List.of(sealed(0, 0, 9), sealed(1, 0, 4), sealed(0, 10, 19), sealed(2, 0, 0)));
        }

        assertThat(stored).containsExactlyInAnyOrder(file(0, 0, 9), file(1, 0, 4), file(0, 10, 19), file(2, 0, 0));
        assertThat(stored.indexOf(file(0, 0, 9))).isLessThan(stored.indexOf(file(0, 10, 19)));
        assertThat(registry.get("lambda.archive.files").counter().count()).isEqualTo(4);
        assertThat(registry.get("lambda.archive.records").counter().count()).isEqualTo(4 * 3);
        assertThat(registry.get("lambda.archive.bytes").counter().count()).isEqualTo(4 * 8);
    }

    @Test
    void shouldStopAPartitionAtItsFirstFailedFileSoNoHoleIsLeftBehindAStoredOne() {
        ArchiveFile failing = file(0, 10, 19);
        try (ArchiveUploader uploader = new ArchiveUploader((file, bytes) -> {
            if (file.equals(failing)) {
                throw new IllegalStateException("object store unavailable");
            }
            stored.add(file);
        }, metrics, 4)) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> uploader.store(List.of(sealed(0, 0, 9), sealed(0, 10, 19), sealed(0, 20, 29),
                            sealed(1, 0, 4))))
                    .withMessage("object store unavailable");
        }

        assertThat(stored).containsExactlyInAnyOrder(file(0, 0, 9), file(1, 0, 4));
    }

    private static ArchiveFile file(int partition, long first, long last) {
        return new ArchiveFile(SLOT, partition, first, last);
    }

    private static SealedFile sealed(int partition, long first, long last) {
        return new SealedFile(file(partition, first, last), new byte[8], 3, SLOT);
    }
}
