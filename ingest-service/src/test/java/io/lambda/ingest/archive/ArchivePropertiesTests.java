package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class ArchivePropertiesTests {

    @Test
    void shouldBeDisabledWithProductionLimitsByDefault() {
        ArchiveProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isFalse();
        assertThat(properties).isEqualTo(new ArchiveProperties(false, "lambda-archiver", DataSize.ofMegabytes(64),
                Duration.ofSeconds(60), Duration.ofMillis(500), "events/v1/", 1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(45), Duration.ofSeconds(5), 4));
    }

    @Test
    void shouldBindTheArchiveSettings() {
        ArchiveProperties properties = bind(Map.of("lambda.archive.enabled", "true", "lambda.archive.group-id", "arch",
                "lambda.archive.max-file-bytes", "8MB", "lambda.archive.max-file-age", "15s", "lambda.archive.deflate-level", "0", "lambda.archive.put-threads", "8",
                "lambda.archive.replication-lag-margin", "0s"));

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.groupId()).isEqualTo("arch");
        assertThat(properties.maxFileBytes()).isEqualTo(DataSize.ofMegabytes(8));
        assertThat(properties.maxFileAge()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.deflateLevel()).isZero();
        assertThat(properties.putThreads()).isEqualTo(8);
        assertThat(properties.replicationLagMargin()).isZero();
        assertThat(properties.unreadRecordsMargin()).isEqualTo(properties.clockSkewMargin());
    }

    @Test
    void shouldChangeOnlyTheirOwnSettingsInCopies() {
        ArchiveProperties defaults = ArchiveProperties.defaults();

        ArchiveProperties changed = defaults.withDeflateLevel(9)
                .withTiming(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ZERO);

        assertThat(changed).isEqualTo(new ArchiveProperties(true, "lambda-archiver", DataSize.ofMegabytes(64),
                Duration.ofSeconds(60), Duration.ofMillis(50), "events/v1/", 9, Duration.ofMillis(100), Duration.ZERO,
                Duration.ofSeconds(45), Duration.ofSeconds(5), 4));
        assertThat(defaults.deflateLevel()).isEqualTo(1);
    }

    @Test
    void shouldRejectSettingsThatCannotWork() {
        assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("lambda.archive.max-file-age", "0s")))
                .havingRootCause().withMessage("lambda.archive.max-file-age must be positive, got PT0S");
        assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("lambda.archive.deflate-level", "10")))
                .havingRootCause().withMessage("lambda.archive.deflate-level must be 0 to 9, got 10");
        assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("lambda.archive.group-id", " ")))
                .havingRootCause().withMessage("lambda.archive.group-id must not be blank");
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of("lambda.archive.replication-lag-margin", "-1s")))
                .havingRootCause().withMessage("lambda.archive.replication-lag-margin must not be negative, got PT-1S");
    }

    private static ArchiveProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lambda.archive", ArchiveProperties.class);
    }
}
