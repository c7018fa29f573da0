package io.lambda.gateway;

import io.lambda.test.ActuatorEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayApplicationTests implements ActuatorEndpointsContract {

    @LocalManagementPort
    int managementPort;

    @Override
    public int managementPort() {
        return managementPort;
    }
}
