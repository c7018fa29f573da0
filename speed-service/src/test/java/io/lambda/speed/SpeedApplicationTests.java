package io.lambda.speed;

import io.lambda.test.ActuatorEndpointsContract;
import org.springframework.boot.test.web.server.LocalManagementPort;

class SpeedApplicationTests extends AbstractSpeedIntegrationTests implements ActuatorEndpointsContract {

    @LocalManagementPort
    int managementPort;

    @Override
    public int managementPort() {
        return managementPort;
    }
}
