package io.lambda.gateway.route;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.util.Map;

import io.lambda.gateway.GatewayProperties;
import io.lambda.gateway.GatewayProperties.Service;
import io.lambda.gateway.auth.Role;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The public API's three routes, tried in order: {@code POST /api/v1/events} to ingest, {@code /api/v1/batch/**} to
 * batch, the rest of {@code /api/v1/**} to query. Each names its service with an {@code lb://} URI that
 * {@link UpstreamSelector} resolves to one of the service's instances.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    static final String INGEST = "ingest";
    static final String QUERY = "query";
    static final String BATCH = "batch";

    @Bean
    RouteLocator lambdaRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        return builder.routes()
                .route(INGEST, r -> r.order(0).method(HttpMethod.POST).and().path("/api/v1/events")
                        .metadata(metadata(Role.INGEST, services.ingest())).uri("lb://" + INGEST))
                .route(BATCH, r -> r.order(1).path("/api/v1/batch", "/api/v1/batch/**")
                        .metadata(metadata(Role.ADMIN, services.batch())).uri("lb://" + BATCH))
                .route(QUERY, r -> r.order(2).path("/api/v1", "/api/v1/**")
                        .metadata(metadata(Role.QUERY, services.query())).uri("lb://" + QUERY))
                .build();
    }

    @Bean
    UpstreamSelector upstreamSelector(GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        return new UpstreamSelector(Map.of(INGEST, services.ingest().instances(), QUERY, services.query().instances(),
                BATCH, services.batch().instances()));
    }

    private static Map<String, Object> metadata(Role role, Service service) {
        return Map.of(Role.ROUTE_METADATA, role.name(),
                CONNECT_TIMEOUT_ATTR, Math.toIntExact(service.connectTimeout().toMillis()),
                RESPONSE_TIMEOUT_ATTR, service.responseTimeout().toMillis());
    }
}
