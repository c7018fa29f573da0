package io.lambda.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lambda.gateway.auth.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway in front of real upstream servers (two ingest instances, query, batch) and a real Redis, shared by
 * the integration tests that extend this class (Spring caches the one context). The body limit is 64 KiB here so
 * that the body tests stay quick; batch answers within 2 s or not at all (query has its default, so that a
 * loaded machine does not turn the other tests' answers into 503s). Redis gets 5 s to answer a rate-limit check
 * rather than 200 ms (and Lettuce as long, not 1 s): on a loaded machine the per-instance fallback would otherwise decide often enough to hide
 * whether the buckets in Redis are shared ({@link TwoInstancesIntegrationTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "lambda.gateway.max-body-size=64KB",
        "lambda.gateway.services.batch.response-timeout=2s",
        "lambda.gateway.rate-limit.redis-timeout=5s", "spring.data.redis.timeout=5s",
        "lambda.gateway.rate-limit.per-role.ingest.rate=1000", "lambda.gateway.rate-limit.per-role.ingest.burst=1000",
        "lambda.gateway.rate-limit.per-role.query.rate=1000", "lambda.gateway.rate-limit.per-role.query.burst=1000",
        "lambda.gateway.rate-limit.per-role.admin.rate=1000", "lambda.gateway.rate-limit.per-role.admin.burst=1000",
        "logging.level.io.lambda.gateway=DEBUG"})
abstract class GatewayTestSupport {

    static final int MAX_BODY = 64 * 1024;

    static final String INGEST_KEY = "ingest-key-" + UUID.randomUUID();
    static final String QUERY_KEY = "query-key-" + UUID.randomUUID();
    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();
    /** A query key with its own limit: 5 requests per second, bursts of 5. */
    static final String LIMITED_KEY = "limited-key-" + UUID.randomUUID();
    /** A query key with its own limit: 20 requests per second, bursts of 20. */
    static final String OTHER_KEY = "other-key-" + UUID.randomUUID();

    /** A query key with its own limit, 5 requests per second in bursts of 5, used through two gateways. */
    static final String SHARED_KEY = "shared-key-" + UUID.randomUUID();

    static final RecordingUpstream INGEST_A = new RecordingUpstream("ingest-a");
    static final RecordingUpstream INGEST_B = new RecordingUpstream("ingest-b");
    static final RecordingUpstream QUERY = new RecordingUpstream("query");
    static final RecordingUpstream BATCH = new RecordingUpstream("batch");

    @LocalServerPort
    int port;

    TestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> TestRedis.endpoint().host());
        registry.add("spring.data.redis.port", () -> TestRedis.endpoint().port());
        registry.add("lambda.gateway.rate-limit.key-prefix", () -> "t-" + UUID.randomUUID() + ":");
        registry.add("lambda.gateway.services.ingest.instances", () -> INGEST_A.uri() + "," + INGEST_B.uri());
        registry.add("lambda.gateway.services.query.instances", () -> QUERY.uri().toString());
        registry.add("lambda.gateway.services.batch.instances", () -> BATCH.uri().toString());
        key(registry, 0, INGEST_KEY, "ingest");
        key(registry, 1, QUERY_KEY, "query");
        key(registry, 2, ADMIN_KEY, "admin");
        key(registry, 3, LIMITED_KEY, "query");
        registry.add("lambda.gateway.keys[3].rate-limit.rate", () -> "5");
        registry.add("lambda.gateway.keys[3].rate-limit.burst", () -> "5");
        key(registry, 4, OTHER_KEY, "query");
        registry.add("lambda.gateway.keys[4].rate-limit.rate", () -> "20");
        registry.add("lambda.gateway.keys[4].rate-limit.burst", () -> "20");
        key(registry, 5, SHARED_KEY, "query");
        registry.add("lambda.gateway.keys[5].rate-limit.rate", () -> "5");
        registry.add("lambda.gateway.keys[5].rate-limit.burst", () -> "5");
    }

    static void key(DynamicPropertyRegistry registry, int index, String key, String roles) {
        registry.add("lambda.gateway.keys[" + index + "].sha256", () -> ApiKeys.sha256Hex(key));
        registry.add("lambda.gateway.keys[" + index + "].roles", () -> roles);
    }

    @BeforeEach
    void createClient() {
        client = new TestClient(port);
    }

    static Map<String, List<String>> withKey(String key) {
        return Map.of("X-API-Key", List.of(key));
    }

    static Map<String, List<String>> json(String key) {
        return Map.of("X-API-Key", List.of(key), "Content-Type", List.of("application/json"));
    }

    static String uniqueMarker() {
        return "case=" + UUID.randomUUID();
    }
}
