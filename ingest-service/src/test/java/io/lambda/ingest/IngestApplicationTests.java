package io.lambda.ingest;

import io.lambda.test.ActuatorEndpointsContract;

/** The service on the stack: starts, and answers Actuator on its management port. */
class IngestApplicationTests extends AbstractIngestIntegrationTests implements ActuatorEndpointsContract {

    @Override
    public int managementPort() {
        return managementPort;
    }
}
