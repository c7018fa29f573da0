package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LambdaStackTest
class RedisIntegrationTests {

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void connect(LambdaStack stack) {
        client = RedisClient.create(stack.redis().uri().toString());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterEach
    void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void shouldReadBackWrittenStringValue(LambdaStack stack) {
        String key = stack.newKeyPrefix() + "greeting";

        redis.set(key, "hello");

        assertThat(redis.get(key)).isEqualTo("hello");
    }

    @Test
    void shouldReadBackHashFields(LambdaStack stack) {
        String key = stack.newKeyPrefix() + "view:pageviews:minute";

        redis.hset(key, Map.of("/pricing", "3", "/docs", "5"));
        redis.hincrby(key, "/docs", 2);

        assertThat(redis.hgetall(key)).isEqualTo(Map.of("/pricing", "3", "/docs", "7"));
        assertThat(redis.hmget(key, "/docs", "/missing"))
                .containsExactly(KeyValue.just("/docs", "7"), KeyValue.empty("/missing"));
    }

    @Test
    void shouldIsolateKeysOfDifferentPrefixes(LambdaStack stack) {
        String mine = stack.newKeyPrefix();
        String theirs = stack.newKeyPrefix();
        redis.set(mine + "a", "1");
        redis.set(mine + "b", "2");
        redis.set(theirs + "a", "other");

        List<String> myKeys = new ArrayList<>();
        ScanIterator.scan(redis, ScanArgs.Builder.matches(mine + "*")).forEachRemaining(myKeys::add);

        assertThat(mine).isNotEqualTo(theirs).matches("t-[0-9a-f]{8}:");
        assertThat(myKeys).containsExactlyInAnyOrder(mine + "a", mine + "b");
        assertThat(redis.get(theirs + "a")).isEqualTo("other");
    }

    @Test
    void shouldRunWithoutPersistenceBoundToLoopback() {
        assertThat(redis.configGet("save")).containsEntry("save", "");
        assertThat(redis.configGet("appendonly")).containsEntry("appendonly", "no");
        assertThat(redis.configGet("bind").get("bind")).isEqualTo("127.0.0.1");
    }
}
