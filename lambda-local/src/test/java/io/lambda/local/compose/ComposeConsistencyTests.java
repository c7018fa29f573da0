package io.lambda.local.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * docker/compose.yml (alone and with compose.scale.yml) can't drift from the code unnoticed. For every container
 * built from one of our images (build argument {@code MODULE}):
 * <ul>
 * <li>each environment variable binds, by Spring Boot's relaxed binding of environment variables, to a property the
 * service declares ({@code @ConfigurationProperties} types it registers, read from its classes) or that Spring Boot
 * documents ({@code SPRING_*}, {@code MANAGEMENT_*}, {@code SERVER_*}, {@code LOGGING_*}); JVM variables are
 * allowed by name;</li>
 * <li>no value points at localhost;</li>
 * <li>the image's healthcheck asks the service's management port ({@code management.server.port} of its
 * application.yml, or the container's {@code MANAGEMENT_SERVER_PORT});</li>
 * <li>a URL naming another of our containers uses that service's {@code server.port}.</li>
 * </ul>
 * No Docker engine is needed: this reads files and classes only. It does not prove that the containers start.
 */
class ComposeConsistencyTests {

    private static final List<String> SPRING_PREFIXES = List.of("SPRING_", "MANAGEMENT_", "SERVER_", "LOGGING_");
    private static final List<String> JVM_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS");

    private static Path docker;
    private static Map<String, ServiceProperties> modules;
    private static SpringBootMetadata springBoot;
    private static ImageRecipe image;

    @BeforeAll
    static void readCodeAndDockerFiles() {
        docker = dockerDirectory();
        modules = new TreeMap<>();
        ServiceProperties.applicationsByModule().forEach((module, application) ->
                modules.put(module, ServiceProperties.of(module, application)));
        springBoot = SpringBootMetadata.load();
        image = ImageRecipe.read(docker.resolve("Dockerfile"));
    }

    @Test
    void shouldFindEveryServiceAndSpringBootsMetadataOnTheClasspath() {
        assertThat(modules).containsKeys("ingest-service", "speed-service", "batch-service", "query-service", "gateway");
        assertThat(springBoot.size()).as("documented Spring Boot properties").isGreaterThan(1000);
        assertThat(modules.get("ingest-service").bind("LAMBDA_STORE_PATHSTYLEACCESS"))
                .as("ingest registers lambda-core's ObjectStoreProperties (archive role)")
                .containsExactly("lambda.store.path-style-access");
        assertThat(modules.get("gateway").bind("LAMBDA_GATEWAY_RATE_LIMIT_PER_ROLE_INGEST_BURST"))
                .containsExactly("lambda.gateway.rate-limit.per-role.ingest.burst");
        assertThat(modules.get("gateway").bind("LAMBDA_GATEWAY_SERVICES_QUERY_INSTANCES_1"))
                .containsExactly("lambda.gateway.services.query.instances[1]");
        assertThat(modules.get("gateway").bind("LAMBDA_GATEWAY_SERVICE_QUERY_INSTANCES")).isEmpty();
        assertThat(springBoot.bind("SPRING_KAFKA_BOOTSTRAP_SERVERS")).contains("spring.kafka.bootstrap-servers");
        assertThat(springBoot.bind("SPRING_KAFKA_BOOTSTRAP_SERVER")).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> composeFile() {
        return checks("compose.yml", ComposeProject.load(List.of(docker.resolve("compose.yml"))));
    }

    @TestFactory
    Stream<DynamicTest> composeFileScaledOut() {
        ComposeProject project = ComposeProject.load(List.of(docker.resolve("compose.yml"), docker.resolve("compose.scale.yml")));
        assertThat(project.services().values().stream().filter(s -> s.module().isPresent()).map(ComposeService::module)
                .map(Optional::get))
                .as("2 ingest, 1 archiver (ingest-service too), 2 speed, 2 query")
                .filteredOn(module -> !module.equals("batch-service") && !module.equals("gateway"))
                .containsExactlyInAnyOrder("ingest-service", "ingest-service", "ingest-service", "speed-service",
                        "speed-service", "query-service", "query-service");
        return checks("compose.yml + compose.scale.yml", project);
    }

    private Stream<DynamicTest> checks(String files, ComposeProject project) {
        List<ComposeService> ours = project.services().values().stream().filter(s -> s.module().isPresent()).toList();
        assertThat(ours).as("services built from docker/Dockerfile in " + files).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (ComposeService service : ours) {
            String label = files + ": " + service.name() + " (" + service.module().orElseThrow() + ")";
            tests.add(DynamicTest.dynamicTest(label + ": every environment variable binds to a declared property",
                    () -> assertEveryVariableBinds(service)));
            tests.add(DynamicTest.dynamicTest(label + ": nothing points at localhost",
                    () -> assertThat(service.environment()).allSatisfy((name, value) -> assertThat(value).as(name)
                            .doesNotContain("localhost").doesNotContain("127.0.0.1"))));
            tests.add(DynamicTest.dynamicTest(label + ": the healthcheck asks the management port",
                    () -> assertHealthcheckOnManagementPort(service)));
            tests.add(DynamicTest.dynamicTest(label + ": URLs of our services use their server ports",
                    () -> assertUrlsUseServerPorts(service, project)));
        }
        return tests.stream();
    }

    private void assertEveryVariableBinds(ComposeService service) {
        ServiceProperties declared = module(service);
        Map<String, String> unbound = new LinkedHashMap<>();
        service.environment().forEach((variable, value) -> {
            if (JVM_VARIABLES.contains(variable)) {
                return;
            }
            List<String> names = SPRING_PREFIXES.stream().anyMatch(variable::startsWith) ? springBoot.bind(variable)
                    : declared.bind(variable);
            if (names.isEmpty()) {
                unbound.put(variable, "binds to no property " + declared.module()
                        + (variable.startsWith("LAMBDA_") ? " declares (its @ConfigurationProperties: "
                                + declared.properties().keySet() + ")" : " or Spring Boot documents"));
                return;
            }
            // Spring itself must find this variable (the source's only one) under the property's canonical name
            ConfigurationPropertySource environment = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, value)));
            boolean resolved = names.stream().map(ConfigurationPropertyName::of).map(environment::getConfigurationProperty)
                    .anyMatch(property -> property != null);
            if (!resolved) {
                unbound.put(variable, "matches " + names + " but Spring's environment mapping does not resolve it");
            }
        });
        assertThat(unbound).as("environment variables of %s (%s) that bind to nothing", service.name(),
                declared.module()).isEmpty();
    }

    private void assertHealthcheckOnManagementPort(ComposeService service) {
        ServiceProperties declared = module(service);
        String managementPort = Optional.ofNullable(service.environment().get("MANAGEMENT_SERVER_PORT"))
                .or(() -> declared.applicationValue("management.server.port").map(String::valueOf))
                .orElseThrow(() -> new AssertionError(declared.module() + " has no management.server.port"));
        if (service.healthcheck().isPresent()) {
            assertThat(service.healthcheck().get()).as("compose healthcheck of " + service.name())
                    .contains(":" + managementPort + "/actuator/health");
            return;
        }
        assertThat(image.healthcheckPort(service.buildArgs(), service.environment()))
                .as("port of the image's HEALTHCHECK for %s, built with %s", service.name(), service.buildArgs())
                .contains(managementPort);
        assertThat(service.buildArgs().get("SERVER_PORT")).as("SERVER_PORT build argument (EXPOSE) of " + service.name())
                .isEqualTo(serverPort(service, declared));
    }

    private void assertUrlsUseServerPorts(ComposeService service, ComposeProject project) {
        service.environment().forEach((variable, value) -> {
            for (String part : value.split(",")) {
                if (!part.strip().matches("https?://[^/]+(/.*)?")) {
                    continue;
                }
                URI uri = URI.create(part.strip());
                ComposeService target = project.services().get(uri.getHost());
                if (target != null && target.module().isPresent()) {
                    assertThat(String.valueOf(uri.getPort())).as("%s of %s names %s", variable, service.name(), target.name())
                            .isEqualTo(serverPort(target, module(target)));
                }
            }
        });
    }

    private static String serverPort(ComposeService service, ServiceProperties declared) {
        return Optional.ofNullable(service.environment().get("SERVER_PORT"))
                .or(() -> declared.applicationValue("server.port").map(String::valueOf))
                .orElse("8080");
    }

    private static ServiceProperties module(ComposeService service) {
        String module = service.module().orElseThrow();
        ServiceProperties declared = modules.get(module);
        if (declared == null) {
            throw new AssertionError(service.name() + " is built from module " + module
                    + ", which is not on lambda-local's test classpath (found " + modules.keySet() + ")");
        }
        return declared;
    }

    private static Path dockerDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker/compose.yml"))) {
                return dir.resolve("docker");
            }
        }
        throw new IllegalStateException("no docker/compose.yml above " + Path.of("").toAbsolutePath());
    }
}
