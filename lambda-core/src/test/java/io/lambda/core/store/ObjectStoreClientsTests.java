package io.lambda.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Points clients at a local HTTP server and looks at the requests they really send. */
class ObjectStoreClientsTests {

    private record Request(String method, String host, String path, String authorization) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldSendPathStyleRequestsSignedWithStaticKeysAndRegion() {
        ObjectStoreProperties properties = new ObjectStoreProperties(endpoint, "eu-west-3", "master", true, "AKID", "SECRET");

        try (S3Client client = ObjectStoreClients.create(properties)) {
            client.headBucket(b -> b.bucket("master"));
        }

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("HEAD");
            assertThat(request.path()).isEqualTo("/master");
            assertThat(request.host()).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
            assertThat(request.authorization()).contains("Credential=AKID/").contains("/eu-west-3/s3/aws4_request");
        });
    }

    @Test
    void shouldConfigureRegionAndEndpointOverride() {
        ObjectStoreProperties properties = new ObjectStoreProperties(endpoint, "eu-west-3", "master", true, "AKID", "SECRET");

        try (S3Client client = ObjectStoreClients.create(properties)) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_3);
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(endpoint);
        }
    }

    @Test
    void shouldUseAwsEndpointAndDefaultCredentialsChainWhenNothingIsConfigured() {
        ObjectStoreProperties properties = new ObjectStoreProperties(null, "us-east-1", "master", false, null, null);

        try (S3Client client = ObjectStoreClients.create(properties)) {
            assertThat(client.serviceClientConfiguration().endpointOverride()).isEmpty();
            assertThat(client.serviceClientConfiguration().credentialsProvider())
                    .isInstanceOf(DefaultCredentialsProvider.class);
        }
    }
}
