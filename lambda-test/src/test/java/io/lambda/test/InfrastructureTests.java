package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class InfrastructureTests {

    @Test
    void shouldFailFastWhenTestcontainersIsSelected() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Infrastructure.start("testcontainers"))
                .withMessageContaining("lambda.test.infra=testcontainers is not available in this build");
    }

    @Test
    void shouldRejectUnknownInfrastructure() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Infrastructure.start("docker-compose"))
                .withMessageContaining("expected embedded or testcontainers");
    }
}
