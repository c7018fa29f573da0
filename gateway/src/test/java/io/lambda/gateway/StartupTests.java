package io.lambda.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class StartupTests {

    @Test
    void shouldRefuseToStartWithoutKeysOutsideTheLocalProfile() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class).profiles("prod");

        assertThatThrownBy(() -> gateway.run("--server.port=0", "--management.server.port=0",
                "--spring.main.banner-mode=off").close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No API keys configured: set lambda.gateway.keys[n].sha256")
                .hasMessageContaining("'local' profile");
    }
}
