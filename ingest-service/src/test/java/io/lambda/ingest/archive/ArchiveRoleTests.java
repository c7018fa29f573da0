package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.lambda.core.store.ObjectStore;

class ArchiveRoleTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ArchiveConfiguration.class);

    @Test
    void shouldLeaveTheArchiveRoleOutUnlessEnabled() {
        context.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ArchiverRunner.class)
                .doesNotHaveBean(ObjectStore.class).doesNotHaveBean(ArchiveWatermarkStore.class));
        context.withPropertyValues("lambda.archive.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ArchiverRunner.class));
    }
}
