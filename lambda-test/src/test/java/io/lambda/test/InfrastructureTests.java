package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class InfrastructureTests {

    @Test
    void shouldSkipWithAReasonWhenTestcontainersIsSelectedWithoutDocker() {
        assumeFalse(TestcontainersInfrastructure.dockerAvailable(), "a Docker engine is reachable here");

        assertThatThrownBy(() -> Infrastructure.start("testcontainers"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("lambda.test.infra=testcontainers needs a Docker engine");
    }

    @Test
    void shouldNameBrokerPropertiesAsTheKafkaImageReadsThem() {
        assertThat(TestcontainersInfrastructure.environmentName("transaction.state.log.min.isr"))
                .isEqualTo("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR");
    }

    @Test
    void shouldRejectUnknownInfrastructure() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Infrastructure.start("docker-compose"))
                .withMessageContaining("expected embedded or testcontainers");
    }
}
