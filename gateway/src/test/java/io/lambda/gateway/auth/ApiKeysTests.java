package io.lambda.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lambda.gateway.GatewayProperties;
import io.lambda.gateway.GatewayProperties.Key;
import io.lambda.gateway.GatewayProperties.RateLimit;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ApiKeysTests {

    @Test
    void shouldFindAKeyByItsHashAndNameItByTheHashPrefix() {
        String hash = ApiKeys.sha256Hex("local-dev-key");
        ApiKeys keys = new ApiKeys(properties(List.of(new Key(hash.toUpperCase(), Set.of(Role.QUERY), new RateLimit(1, 2)))));

        assertThat(hash).isEqualTo("ed5a18fb8f807f996d649e379d3f35f39c543a91bdbf88c492f2ebd10d4df86c");
        assertThat(keys.find("local-dev-key")).contains(new ApiKey("ed5a18fb8f80", Set.of(Role.QUERY), new RateLimit(1, 2)));
    }

    @Test
    void shouldFindNothingForUnknownOrMalformedKeys() {
        ApiKeys keys = new ApiKeys(properties(List.of(new Key(ApiKeys.sha256Hex("k"), Set.of(Role.ADMIN), null))));

        assertThat(List.of("K", "k ", " k", "", "k\u00e9", "x".repeat(257))).allSatisfy(presented ->
                assertThat(keys.find(presented)).isEmpty());
        assertThat(keys.find(null)).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithoutKeysOrWithAKeyInsteadOfItsHash() {
        assertThatThrownBy(() -> new ApiKeys(properties(List.of()))).hasMessageStartingWith("No API keys configured");
        assertThatThrownBy(() -> new ApiKeys(properties(List.of(new Key("local-dev-key", Set.of(Role.ADMIN), null)))))
                .hasMessageContaining("lambda.gateway.keys[0].sha256 must be 64 hex digits");
        assertThatThrownBy(() -> new ApiKeys(properties(List.of(new Key(ApiKeys.sha256Hex("k"), Set.of(), null)))))
                .hasMessageContaining("lambda.gateway.keys[0].roles is empty");
    }

    private static GatewayProperties properties(List<Key> keys) {
        GatewayProperties.Service service = new GatewayProperties.Service(List.of(URI.create("http://127.0.0.1:1")),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        return new GatewayProperties(new GatewayProperties.Services(service, service, service), keys,
                new GatewayProperties.RateLimits(Map.of(), "p:", Duration.ofMillis(100)), DataSize.ofMegabytes(10),
                Duration.ofSeconds(5));
    }
}
