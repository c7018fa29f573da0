package io.lambda.query;

import io.lambda.test.ActuatorEndpointsContract;
import org.springframework.boot.test.web.server.LocalManagementPort;

class QueryApplicationTests extends AbstractQueryIntegrationTests implements ActuatorEndpointsContract {

    @LocalManagementPort
    int managementPort;

    @Override
    public int managementPort() {
        return managementPort;
    }
}
