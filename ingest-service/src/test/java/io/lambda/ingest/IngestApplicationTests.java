package io.lambda.ingest;

import io.lambda.test.ActuatorEndpointsContract;
import io.lambda.test.LambdaStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class IngestApplicationTests implements ActuatorEndpointsContract {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        LambdaStack stack = LambdaStack.get();
        registry.add("spring.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("spring.data.redis.host", () -> stack.redis().host());
        registry.add("spring.data.redis.port", () -> stack.redis().port());
    }

    @LocalManagementPort
    int managementPort;

    @Override
    public int managementPort() {
        return managementPort;
    }
}
