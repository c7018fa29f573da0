package io.lambda.query;

import io.lambda.test.ActuatorEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class QueryApplicationTests implements ActuatorEndpointsContract {

    @LocalManagementPort
    int managementPort;

    @Override
    public int managementPort() {
        return managementPort;
    }
}
