package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

@LambdaStackTest
class LambdaStackIntegrationTests {

    @Test
    void shouldInjectTheOneStackOfThisJvm(LambdaStack injected) {
        assertThat(injected).isSameAs(LambdaStack.get());
    }

    @Test
    void shouldExposeEndpointsOnLoopbackPorts(LambdaStack stack) {
        assertThat(stack.kafkaBootstrapServers()).matches("(localhost|127\\.0\\.0\\.1):\\d+");
        assertThat(stack.redis().uri().toString()).matches("redis://127\\.0\\.0\\.1:\\d+");
        assertThat(stack.s3().endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(stack.startupTime()).isPositive().isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void shouldRunRedisAsChildProcessOfThisJvm(LambdaStack stack) {
        assumeTrue(stack.infrastructure() instanceof EmbeddedInfrastructure, "only the embedded infrastructure forks redis-server");
        EmbeddedInfrastructure infrastructure = (EmbeddedInfrastructure) stack.infrastructure();
        long redisPid = infrastructure.redisProcess().pid();

        assertThat(ProcessHandle.current().descendants()).extracting(ProcessHandle::pid).contains(redisPid);
        assertThat(infrastructure.redisProcess().endpoint()).isEqualTo(stack.redis());
    }

    @Test
    void shouldHandOutDistinctKeyPrefixes(LambdaStack stack) {
        assertThat(stack.newKeyPrefix()).isNotEqualTo(stack.newKeyPrefix());
    }
}
