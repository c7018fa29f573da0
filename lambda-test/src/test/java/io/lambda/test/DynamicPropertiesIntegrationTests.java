package io.lambda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.ObjectStoreProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The way service tests wire the stack into a Spring context: {@code @DynamicPropertySource} + {@link LambdaStack#get()}. */
@SpringBootTest(classes = DynamicPropertiesIntegrationTests.ServiceConfiguration.class)
class DynamicPropertiesIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ObjectStoreProperties.class)
    static class ServiceConfiguration {

        @Bean(destroyMethod = "close")
        ObjectStore objectStore(ObjectStoreProperties properties) {
            return ObjectStore.create(properties);
        }
    }

    @DynamicPropertySource
    static void stackProperties(DynamicPropertyRegistry registry) {
        LambdaStack stack = LambdaStack.get();
        ObjectStoreProperties bucket = stack.newBucket();
        StackProperties.of(stack, bucket).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    ObjectStoreProperties properties;

    @Autowired
    ObjectStore objectStore;

    @Value("${spring.data.redis.port}")
    int redisPort;

    @Test
    void shouldBindStorePropertiesFromStackAndReachItsBucket() {
        objectStore.put("hello.txt", "hi".getBytes(StandardCharsets.UTF_8));

        assertThat(properties.endpoint()).isEqualTo(LambdaStack.get().s3().endpoint());
        assertThat(properties.bucket()).isEqualTo(objectStore.bucket()).startsWith("lambda-");
        assertThat(objectStore.get("hello.txt")).hasValueSatisfying(bytes -> assertThat(bytes).asString().isEqualTo("hi"));
        assertThat(redisPort).isEqualTo(LambdaStack.get().redis().port());
    }
}
