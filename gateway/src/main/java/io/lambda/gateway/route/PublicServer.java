package io.lambda.gateway.route;

import org.springframework.context.ApplicationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells requests to the public server from those to the management server: the management server's child context
 * inherits the gateway's {@code WebFilter}s, which must leave its requests alone.
 */
final class PublicServer {

    private PublicServer() {
    }

    static boolean serves(ServerWebExchange exchange, ApplicationContext gateway) {
        ApplicationContext handling = exchange.getApplicationContext();
        return handling == null || handling == gateway;
    }
}
