package io.lambda.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ObjectStorePropertiesTests {

    @Test
    void shouldBindKebabCasePropertiesUnderLambdaStore() {
        ObjectStoreProperties properties = bind(Map.of(
                "lambda.store.endpoint", "http://minio:9000",
                "lambda.store.region", "eu-central-1",
                "lambda.store.bucket", "master",
                "lambda.store.path-style-access", "true",
                "lambda.store.access-key", "ak",
                "lambda.store.secret-key", "sk"));

        assertThat(properties).isEqualTo(new ObjectStoreProperties(
                URI.create("http://minio:9000"), "eu-central-1", "master", true, "ak", "sk"));
    }

    @Test
    void shouldDefaultToAwsEndpointUsEast1AndDefaultCredentialsChain() {
        ObjectStoreProperties properties = bind(Map.of("lambda.store.bucket", "master"));

        assertThat(properties.endpoint()).isNull();
        assertThat(properties.region()).isEqualTo("us-east-1");
        assertThat(properties.pathStyleAccess()).isFalse();
        assertThat(properties.hasStaticCredentials()).isFalse();
    }

    @Test
    void shouldRejectMissingBucketWhenBinding() {
        assertThatThrownBy(() -> bind(Map.of("lambda.store.region", "us-east-1")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("lambda.store.bucket");
    }

    @Test
    void shouldRejectAccessKeyWithoutSecretKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ObjectStoreProperties(null, "us-east-1", "b", false, "ak", null))
                .withMessageContaining("set together");
    }

    @Test
    void shouldTreatBlankKeysAsAbsent() {
        ObjectStoreProperties properties = new ObjectStoreProperties(null, " ", "b", false, "", " ");

        assertThat(properties.hasStaticCredentials()).isFalse();
        assertThat(properties.region()).isEqualTo("us-east-1");
    }

    @Test
    void shouldKeepConnectionWhenSwitchingBucket() {
        ObjectStoreProperties properties = new ObjectStoreProperties(
                URI.create("http://127.0.0.1:9000"), "us-east-1", "a", true, "ak", "sk");

        assertThat(properties.withBucket("b"))
                .isEqualTo(new ObjectStoreProperties(URI.create("http://127.0.0.1:9000"), "us-east-1", "b", true, "ak", "sk"));
    }

    @Test
    void shouldNotPrintSecretKey() {
        ObjectStoreProperties properties = new ObjectStoreProperties(null, "us-east-1", "b", false, "ak", "s3cr3t");

        assertThat(properties.toString()).contains("ak").doesNotContain("s3cr3t");
    }

    private static ObjectStoreProperties bind(Map<String, String> source) {
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("lambda.store", ObjectStoreProperties.class);
    }
}
